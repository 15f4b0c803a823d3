/** One page of a list: `page` is 1-based and clamped to the pages that exist. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 when empty). */
  readonly from: number;
  readonly to: number;
  readonly total: number;
}

export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(pages, Math.max(1, Number.isFinite(page) ? Math.trunc(page) : 1));
  const start = (current - 1) * size;
  const slice = items.slice(start, start + size);
  return {
    items: slice,
    page: current,
    pages,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
    total: items.length,
  };
}

/** `?page=3` → 3; anything else → 1. */
export function pageParam(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
}
