import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { saveFile } from '../save-file.js';
import { ErrorNotice } from './error-notice.js';

type Format = 'md' | 'pdf';

/** "Download Markdown" and "Download PDF": the report as a document to keep or print. */
export function ReportDownloads({ sessionId }: { sessionId: string }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: Format) {
    setBusy(format);
    setError(null);
    setSaved(null);
    try {
      const file = await api.downloadReport(sessionId, format);
      saveFile(file.blob, file.name);
      setSaved(`Saved as ${file.name}.`);
    } catch (err) {
      setError(err);
    }
    setBusy(null);
  }

  return (
    <div class="report-downloads">
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          disabled={busy !== null}
          onClick={() => download('md')}
        >
          Download Markdown
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={busy !== null}
          onClick={() => download('pdf')}
        >
          Download PDF
        </button>
      </div>
      <p class="status-text" role="status">
        {busy ? 'Preparing the file…' : saved}
      </p>
      <ErrorNotice error={error} />
    </div>
  );
}
