// The core and the SVG renderer only: the package's main entry also pulls in its PNG encoder
// (pngjs, ~30 kB of the API bundle) that an SVG never needs.
import { create } from 'qrcode/lib/core/qrcode.js';
import { render } from 'qrcode/lib/renderer/svg-tag.js';

/**
 * The `otpauth://` address as a QR code, drawn here as SVG and sent inside the page as a data
 * URI: nothing is loaded from another site (the CSP allows images from 'self' and data: only),
 * and the secret never leaves the app in a URL.
 */
export function qrDataUri(uri: string): string {
  const svg = render(create(uri, { errorCorrectionLevel: 'M' }), { margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
