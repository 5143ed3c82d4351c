import type { RowPage } from './commonCoreView.ts';

/** Previous and next page of a long list of rows, with where we are in words. */
export function RowPager<T>({
  page,
  what,
  onPage,
}: {
  page: RowPage<T>;
  what: string;
  onPage: (page: number) => void;
}) {
  if (page.pageCount <= 1) return null;
  return (
    <nav className="row-pager" aria-label={`Pages of ${what}`}>
      <button
        type="button"
        className="button--secondary button--small"
        disabled={page.page === 0}
        onClick={() => onPage(page.page - 1)}
      >
        Previous page
      </button>
      <p className="row-pager__where" aria-live="polite">
        Showing {page.from}–{page.to} of {page.total} (page {page.page + 1} of {page.pageCount})
      </p>
      <button
        type="button"
        className="button--secondary button--small"
        disabled={page.page >= page.pageCount - 1}
        onClick={() => onPage(page.page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
