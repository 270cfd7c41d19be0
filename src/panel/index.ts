export { comparePanel, type PanelOptions } from './panel.js';
