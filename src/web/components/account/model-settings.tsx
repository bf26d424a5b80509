import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api.js';
import { fieldErrorsOf } from '../../field-errors.js';
import type { ModelSettings as Saved } from '../../types.js';
import { ErrorNotice } from '../error-notice.js';
import { Field } from '../field.js';

type TestOutcome = { ok: true; message: string } | { ok: false; error: unknown } | null;

/** The person's own OpenAI-compatible provider: the key goes in, only its hint comes back. */
export function ModelSettings() {
  const [saved, setSaved] = useState<Saved | null>(null);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [tested, setTested] = useState<TestOutcome>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'forget' | null>(null);

  function show(row: Saved | null) {
    setSaved(row);
    setBaseUrl(row?.base_url ?? '');
    setModel(row?.model ?? '');
    setApiKey('');
  }

  useEffect(() => {
    api.getModel().then(show, (err: unknown) => {
      if (!(err instanceof ApiError && err.code === 'LLM_SETTINGS_NOT_FOUND')) setError(err);
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setBusy('save');
    setError(null);
    setStatus(null);
    setTested(null);
    try {
      const key = apiKey.trim();
      show(
        await api.saveModel({ base_url: baseUrl.trim(), model, ...(key ? { api_key: key } : {}) }),
      );
      setStatus('Model settings saved. Your questions, feedback and reports now use this model.');
    } catch (err) {
      setError(err);
    }
    setBusy(null);
  }

  async function test() {
    setBusy('test');
    setTested(null);
    try {
      const result = await api.testModel();
      setTested({ ok: true, message: `It works (${result.generator}). ${result.message}` });
    } catch (err) {
      setTested({ ok: false, error: err });
    }
    setBusy(null);
  }

  async function forget() {
    setBusy('forget');
    setError(null);
    setTested(null);
    try {
      await api.forgetModel();
      show(null);
      setStatus("Your model settings were removed: the server's model is used again.");
    } catch (err) {
      setError(err);
    }
    setBusy(null);
  }

  const fields = fieldErrorsOf(error);
  const keyHint = saved?.key_hint
    ? `A key ending in ${saved.key_hint} is stored. Leave this empty to keep it (for the same base URL).`
    : 'Leave empty if your server needs no key.';

  return (
    <section class="card" aria-labelledby="model-heading">
      <h2 id="model-heading">Your model</h2>
      <p class="lead">
        Use your own OpenAI-compatible provider instead of the server's model. The key is stored
        encrypted and never shown again.
      </p>
      <form onSubmit={save} noValidate>
        <Field
          label="Base URL"
          value={baseUrl}
          onInput={setBaseUrl}
          required
          autoComplete="url"
          hint="For example https://api.openai.com/v1"
          error={fields.base_url}
        />
        <Field label="Model" value={model} onInput={setModel} required error={fields.model} />
        <Field
          label="API key"
          type="password"
          value={apiKey}
          onInput={setApiKey}
          autoComplete="off"
          hint={keyHint}
          error={fields.api_key}
        />
        <ErrorNotice error={error} fieldsInline />
        {status ? (
          <p class="notice notice-success" role="status">
            {status}
          </p>
        ) : null}
        <div class="actions">
          <button type="submit" class="button" disabled={busy !== null}>
            Save model settings
          </button>
          <button
            type="button"
            class="button button-secondary"
            disabled={busy !== null || !saved}
            onClick={test}
          >
            Test model
          </button>
          {saved ? (
            <button
              type="button"
              class="button button-quiet"
              disabled={busy !== null}
              onClick={forget}
            >
              Use the server's model
            </button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {busy === 'test' ? <p class="status-text">Asking your model for one question…</p> : null}
        {tested?.ok ? <p class="notice notice-success test-result">{tested.message}</p> : null}
      </div>
      {tested && !tested.ok ? <ErrorNotice error={tested.error} /> : null}
    </section>
  );
}
