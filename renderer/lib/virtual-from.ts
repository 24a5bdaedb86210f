/**
 * Lists longer than this render only the rows in and near their scrolling box; shorter ones render every row, so
 * the browser's own find-in-page and printing see the whole list of an ordinary library. Apart from virtual-rows.ts,
 * so the library's first screen does not load the virtualizer to read one number.
 */
export const VIRTUAL_FROM = 200;
