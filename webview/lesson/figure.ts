// Where a lesson's Markdown puts its figure: the engine's FIGURE_MARKER (src/engine/teach/lessons.ts),
// repeated here so the page's bundle does not pull in the engine; a test keeps the two equal.
export const FIGURE_MARKER_TEXT = '<!-- figure -->';
