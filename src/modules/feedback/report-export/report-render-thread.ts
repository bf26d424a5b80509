// The entry of a report thread (see report-renderer.ts): pdfkit and the fonts load here,
// before the thread says it is ready.
import { serveTasks } from '../../../platform/thread-pool-worker.js';
import { renderReportMarkdown } from './report-markdown.js';
import { loadFonts, renderReportPdf } from './report-pdf.js';

loadFonts();

serveTasks({ renderReportPdf, renderReportMarkdown });
