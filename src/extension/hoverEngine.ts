// Entry of dist/hover-engine.js: the hover recogniser and texts, loaded on the first hover rather
// than at activation (they pull in the parser and part of the NumPy subset; activation stays light).
export { analyseSource } from '../engine/teach/recognise';
export { hoverAt, OPEN_IN_PANEL } from '../engine/teach/hoverText';
