/**
 * How the board pages its columns (issue 11): the server sends each column's first
 * `COLUMN_PAGE` cards — more than a 1080p column shows, few enough that the page is small and
 * quick to draw — and the column asks for `MORE_CARDS` at a time as it is scrolled near its end
 * (or on "显示更多").
 */
export const COLUMN_PAGE = 30;
export const MORE_CARDS = 60;
/** The most one request may ask for. */
export const MAX_COLUMN_PAGE = 500;
