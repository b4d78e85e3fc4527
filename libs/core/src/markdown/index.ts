export { renderMarkdown } from './render-markdown';
export type { MarkdownMode, RenderMarkdownOptions, RenderedMarkdown } from './render-markdown';
