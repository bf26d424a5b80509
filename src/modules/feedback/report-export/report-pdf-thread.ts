// The entry of a PDF thread (see report-pdf-renderer.ts): pdfkit and the fonts load here,
// before the thread says it is ready.
import { serveTasks } from '../../../platform/thread-pool-worker.js';
import { loadFonts, renderReportPdf } from './report-pdf.js';

loadFonts();

serveTasks({ renderReportPdf });
