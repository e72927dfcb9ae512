import { DEFAULT_SCHEDULER_TUNING } from '../../../lib/scheduler/scheduler-tuning';
import { h, replaceChildren } from '../shared/dom';
import { errorMessage } from '../shared/error-message';
import { formatSpan } from '../shared/format';
import { HttpError } from '../shared/http-error';
import type { OpsApi, TuningSnapshot } from './api';
import { TUNING_FIELDS, TUNING_GROUPS, type TuningField, type TuningName } from './tuning-fields';
import { changedValues, checkTuning, placeErrors, readValue } from './tuning-values';

interface FieldControls {
  input: HTMLInputElement;
  error: HTMLElement;
  note: HTMLElement;
  row: HTMLElement;
}

/**
 * The run-time tuning form: every scheduler setting with the value in force, checked as it is typed with the
 * scheduler's own validator, saved as the changed values only. The server's answer is shown per field as well.
 */
export class TuningForm {
  readonly element: HTMLElement;
  private snapshot: TuningSnapshot | null = null;
  private readonly controls = new Map<TuningName, FieldControls>();
  private readonly form: HTMLFormElement;
  private readonly submit = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-testid': 'tuning-submit', disabled: true },
    'Save changes',
  );
  private readonly revert = h(
    'button',
    { type: 'button', class: 'button button-ghost', disabled: true },
    'Revert',
  );
  private readonly summary = h('div', {
    class: 'tuning-summary',
    'data-testid': 'tuning-result',
    'aria-live': 'polite',
  });
  private readonly version = h('span', { class: 'card-meta', 'data-testid': 'tuning-version' });

  constructor(private readonly api: OpsApi) {
    this.form = h(
      'form',
      { class: 'tuning-form', 'data-testid': 'tuning-form', novalidate: true },
      TUNING_GROUPS.map((group) =>
        h(
          'fieldset',
          { class: 'tuning-group' },
          h('legend', {}, group.title),
          group.fields.map((field) => this.fieldRow(field)),
        ),
      ),
      h('div', { class: 'form-actions' }, this.summary, this.revert, this.submit),
    );
    this.form.addEventListener('input', () => this.check());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.revert.addEventListener('click', () => this.fill());
    this.element = h(
      'section',
      { class: 'card tuning', 'aria-labelledby': 'tuning-heading' },
      h(
        'header',
        { class: 'card-header' },
        h('h2', { id: 'tuning-heading' }, 'Run-time tuning'),
        this.version,
      ),
      h(
        'p',
        { class: 'hint' },
        'Every worker picks up a saved change at once, without a restart. Only changed values are sent; a marked ',
        'value overrides the default.',
      ),
      this.form,
    );
  }

  async load(): Promise<void> {
    try {
      this.snapshot = await this.api.tuning();
      this.fill();
    } catch (error) {
      this.showSummary('error', [errorMessage(error)]);
    }
  }

  private fieldRow(field: TuningField): HTMLElement {
    const id = `tuning-${field.name}`;
    const input = h('input', {
      id,
      name: field.name,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      class: 'text-input',
      'aria-describedby': `${id}-help ${id}-error`,
      'data-testid': `tuning-field-${field.name}`,
    });
    const note = h('span', { class: 'field-note' });
    const error = h('p', {
      class: 'field-error',
      id: `${id}-error`,
      'data-testid': `tuning-error-${field.name}`,
    });
    const row = h(
      'div',
      { class: 'field' },
      h('label', { for: id }, field.label, h('span', { class: 'unit' }, field.unit)),
      h('div', { class: 'field-input' }, input, note),
      h(
        'p',
        { class: 'field-help', id: `${id}-help` },
        field.help,
        ` Default ${DEFAULT_SCHEDULER_TUNING[field.name]}.`,
      ),
      error,
    );
    this.controls.set(field.name, { input, error, note, row });
    return row;
  }

  /** Puts the values in force into the form. */
  private fill(): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    this.version.textContent = `version ${snapshot.version}`;
    for (const [name, { input, row }] of this.controls) {
      input.value = String(snapshot.inForce[name]);
      row.classList.toggle('overridden', name in snapshot.scheduler);
    }
    this.check();
  }

  private typed(): Record<TuningName, number | string> {
    const values = {} as Record<TuningName, number | string>;
    for (const [name, { input }] of this.controls) values[name] = readValue(input.value);
    return values;
  }

  /** Validates as the server will and shows each message under its field. Returns the changes when valid. */
  private check(): Record<string, number | string> | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    const typed = this.typed();
    const changed = changedValues(typed, snapshot.inForce);
    const placed = placeErrors(checkTuning(changed, snapshot.scheduler, snapshot.inForce));
    this.showFieldErrors(placed.byField);
    for (const field of TUNING_FIELDS) {
      const { note, row } = this.controls.get(field.name) as FieldControls;
      const value = typed[field.name];
      note.textContent =
        field.unit === 'ms' && typeof value === 'number' && value > 0 ? `= ${formatSpan(value)}` : '';
      row.classList.toggle('changed', field.name in changed);
    }
    const count = Object.keys(changed).length;
    const valid = placed.byField.size === 0 && placed.general.length === 0;
    this.submit.disabled = count === 0 || !valid;
    this.revert.disabled = count === 0;
    this.submit.textContent = count === 0 ? 'Save changes' : `Save ${count} change${count === 1 ? '' : 's'}`;
    if (placed.general.length > 0) this.showSummary('error', placed.general);
    else if (!valid) this.showSummary('error', ['Fix the marked fields to save.']);
    else this.showSummary('idle', []);
    return valid ? changed : null;
  }

  private showFieldErrors(byField: ReadonlyMap<TuningName, string[]>): void {
    for (const [name, { input, error, row }] of this.controls) {
      const messages = byField.get(name) ?? [];
      error.textContent = messages.join(' ');
      input.setAttribute('aria-invalid', String(messages.length > 0));
      row.classList.toggle('invalid', messages.length > 0);
    }
  }

  private async save(): Promise<void> {
    const changed = this.check();
    const current = this.snapshot;
    if (!changed || !current || Object.keys(changed).length === 0) return;
    this.submit.disabled = true;
    this.submit.setAttribute('aria-busy', 'true');
    try {
      this.snapshot = await this.api.saveTuning(current, changed as Record<TuningName, number>);
      this.fill();
      this.showSummary('ok', [
        `Saved as version ${this.snapshot.version}: ${Object.keys(changed).join(', ')}. Every worker applies it now.`,
      ]);
    } catch (error) {
      const lines =
        error instanceof HttpError && error.details.length > 0 ? error.details : [errorMessage(error)];
      const placed = placeErrors(lines);
      this.showFieldErrors(placed.byField);
      this.showSummary(
        'error',
        placed.general.length > 0 ? placed.general : ['The server refused these values.'],
      );
      this.submit.disabled = false;
    } finally {
      this.submit.removeAttribute('aria-busy');
    }
  }

  private showSummary(tone: 'idle' | 'ok' | 'error', lines: readonly string[]): void {
    this.summary.dataset.tone = tone;
    replaceChildren(
      this.summary,
      lines.map((line) => h('p', {}, line)),
    );
    this.summary.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  }
}
