import type { Child } from 'hono/jsx';

interface TableProps {
  /** The column headings. */
  head: readonly Child[];
  caption?: Child;
  /** "muted" for a caption that only repeats the page's heading for screen readers. */
  captionClass?: string | undefined;
  class?: string | undefined;
  children: Child;
}

/** A data table that scrolls sideways on a narrow screen instead of widening the page. */
export function Table({ head, caption, captionClass, class: className, children }: TableProps) {
  return (
    <div class="table-scroll">
      <table class={className}>
        {caption && <caption class={captionClass}>{caption}</caption>}
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
