/**
 * Which files the Import button offers, and how hints name them: every extension the
 * importer registry reads (shared/import/registry.ts). The registry's lines are plain data;
 * the importers' modules they load are left out of the renderer's build (renderer/vite.config.ts),
 * since the host reads every document.
 */
export { SUPPORTED_EXTENSIONS as IMPORT_EXTENSIONS, IMPORT_FORMATS_TEXT } from '../../../shared/import/registry';
