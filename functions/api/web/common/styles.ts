import { createHash } from 'node:crypto';

/**
 * The whole stylesheet. Served as a file because the CSP allows no inline styles; kept in a
 * module so that the Lambda bundle needs no asset copying.
 */
export const APP_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
main.wrap{padding-bottom:3rem}
a{color:#0b4f8a}
a:hover{color:#073559}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:1}
header.site{background:#0b4f8a;color:#fff;margin-bottom:1rem}
header.site a{color:#fff}
header.site :focus-visible{outline-color:#fde68a}
.site-bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding-top:.6rem;padding-bottom:.6rem}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
.user-bar{display:flex;align-items:center;gap:.5rem;margin:0}
.site-nav{display:flex;flex-wrap:wrap;gap:1rem;padding-bottom:.6rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.75rem 0 .75rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.table-scroll{overflow-x:auto;margin:0 0 1rem;border:1px solid #c9ced6}
table{border-collapse:collapse;width:100%;min-width:36rem}
table.ringkas{min-width:0}
caption{text-align:left;padding:.5rem}
th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #dde1e6}
th{background:#f1f4f8}
dl.facts{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.field{margin:0 0 1rem}
.field.has-error{border-left:4px solid #b3261e;padding-left:.75rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text],input[type=password],input[type=number],input[type=date],input[type=file],select,textarea{display:block;width:100%;max-width:40rem;font:inherit;padding:.5rem;border:2px solid #4b5563;border-radius:4px;background:#fff;color:#1b1b1b}
textarea{min-height:5rem}
[aria-invalid=true]{border-color:#b3261e}
button{font:inherit;font-weight:600;padding:.55rem 1rem;border:2px solid #0b4f8a;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer;min-height:2.75rem}
button:hover{background:#073559}
button.secondary{background:#fff;color:#0b4f8a}
button.danger{background:#fff;color:#b3261e;border-color:#b3261e}
header.site button.secondary{border-color:#fff}
form.inline{display:inline}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.panel{border:1px solid #c9ced6;border-radius:6px;padding:1rem;margin:0 0 1rem}
.error-summary{border:3px solid #b3261e;padding:1rem;margin:0 0 1.5rem;border-radius:4px}
.error-summary h2{margin-top:0;color:#b3261e}
.error-summary a{color:#b3261e;font-weight:600}
.field-error{color:#b3261e;font-weight:600;margin:.25rem 0}
.flash{background:#e7f5ec;border-left:4px solid #1e7d43;padding:.75rem 1rem}
.notice{background:#fff7e0;border-left:4px solid #b45309;padding:.75rem 1rem}
.done{background:#e7f5ec;border:2px solid #1e7d43;padding:.75rem 1rem;font-weight:700}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.875rem;font-weight:700;background:#b3261e;color:#fff}
.muted{color:#4b5563}
ol.plain,ul.plain{list-style:none;padding:0}
.plain>li{border-bottom:1px solid #dde1e6;padding:.75rem 0}
blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:4px solid #4b5563;background:#f6f7f9}
fieldset{min-width:0;margin:0 0 1rem}
legend{font-weight:700}
dl.facts dd,.bukti{overflow-wrap:anywhere}
@media (max-width:30rem){h1{font-size:1.3rem}button{width:100%}form.inline button,.user-bar button{width:auto}}
`;

/** Content hash in the URL lets browsers keep the file for a year and still see every change. */
export const CSS_VERSION = createHash('sha256').update(APP_CSS).digest('hex').slice(0, 12);
export const CSS_HREF = `/static/app.css?v=${CSS_VERSION}`;
