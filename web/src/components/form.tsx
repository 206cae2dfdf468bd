import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** A field's problem as the error summary and the field show it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export const fieldId = (name: string) => `field-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;

function describedBy(name: string, hint: ReactNode | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ name, hint }: { name: string; hint: ReactNode | undefined }) {
  return hint ? (
    <p className="hint" id={`${fieldId(name)}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ name, error }: { name: string; error: string | undefined }) {
  const { t } = useI18n();
  return error ? (
    <p className="field-error" id={`${fieldId(name)}-error`}>
      <span className="visually-hidden">{t('form.errorPrefix')}</span>
      {error}
    </p>
  ) : null;
}

interface BaseProps {
  readonly name: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
}

export function TextInput(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'date' | 'month' | 'password' | 'tel' | 'search' | 'number';
    autoComplete?: string;
    inputMode?: 'text' | 'numeric' | 'tel' | 'search';
    width?: 'short' | 'medium' | 'long';
    lang?: string;
  },
) {
  const { name, label, hint, error, value, onChange, type = 'text', autoComplete, inputMode, width = 'long', lang } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorText name={name} error={error} />
      <input
        className={`input input--${width}`}
        id={fieldId(name)}
        name={name}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        lang={lang}
      />
    </div>
  );
}

export function SelectInput(props: BaseProps & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  const { name, label, hint, error, value, onChange, options } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorText name={name} error={error} />
      <select className="select" id={fieldId(name)} name={name} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One choice among few, as radio buttons in a fieldset whose legend asks the question. */
export function Radios(props: BaseProps & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: ReactNode; hint?: ReactNode }[] }) {
  const { name, label, hint, error, value, onChange, options } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)} id={fieldId(name)} tabIndex={-1}>
        <legend className="legend">{label}</legend>
        <Hint name={name} hint={hint} />
        <ErrorText name={name} error={error} />
        {options.map((option) => (
          <div className="choice" key={option.value}>
            <input className="choice__input" type="radio" id={`${fieldId(name)}-${option.value}`} name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <label className="choice__label" htmlFor={`${fieldId(name)}-${option.value}`}>
              {option.label}
              {option.hint ? <span className="hint hint--inline"> {option.hint}</span> : null}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** Several choices, as checkboxes in a fieldset. */
export function Checkboxes(props: BaseProps & { values: readonly string[]; onChange: (values: string[]) => void; options: readonly { value: string; label: ReactNode }[] }) {
  const { name, label, hint, error, values, onChange, options } = props;
  const toggle = (value: string) => onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)} id={fieldId(name)} tabIndex={-1}>
        <legend className="legend">{label}</legend>
        <Hint name={name} hint={hint} />
        <ErrorText name={name} error={error} />
        {options.map((option) => (
          <div className="choice" key={option.value}>
            <input className="choice__input" type="checkbox" id={`${fieldId(name)}-${option.value}`} name={name} value={option.value} checked={values.includes(option.value)} onChange={() => toggle(option.value)} />
            <label className="choice__label" htmlFor={`${fieldId(name)}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Checkbox(props: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { name, label, hint, error, checked, onChange } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <ErrorText name={name} error={error} />
      <div className="choice">
        <input className="choice__input" type="checkbox" id={fieldId(name)} name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={describedBy(name, hint, error)} />
        <label className="choice__label" htmlFor={fieldId(name)}>
          {label}
        </label>
      </div>
      <Hint name={name} hint={hint} />
    </div>
  );
}

/**
 * The GOV.UK error summary: a list of links to the fields in error, which takes focus when it
 * appears so that a screen reader announces it and a keyboard user starts from it.
 */
export function ErrorSummary({ problems, title }: { problems: readonly FieldProblem[]; title?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t('form.errorSummary')}
      </h2>
      <ul className="error-summary__list">
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            {problem.field ? (
              <a
                href={`#${fieldId(problem.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(fieldId(problem.field));
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
