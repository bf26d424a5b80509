import type { ComponentChildren, Ref, RefObject } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: ComponentChildren;
  error?: string;
  type?: 'text' | 'email' | 'password';
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  disabled?: boolean;
  inputRef?: RefObject<HTMLElement>;
}

/** A visible label, the control, an optional hint and an error, wired for assistive tech. */
export function Field(props: FieldProps) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  // "Optional" is said through the description, so the accessible name stays the bare label.
  const optionalId = props.required ? undefined : `${id}-optional`;
  const describedBy = [optionalId, hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    disabled: props.disabled,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <div class="label-row">
        <label for={id}>{props.label}</label>
        {optionalId ? (
          <span class="optional" id={optionalId}>
            Optional
          </span>
        ) : null}
      </div>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea
          {...common}
          ref={props.inputRef as Ref<HTMLTextAreaElement> | undefined}
          rows={props.rows ?? 6}
        />
      ) : (
        <input
          {...common}
          ref={props.inputRef as Ref<HTMLInputElement> | undefined}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
        />
      )}
      {props.error ? (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
