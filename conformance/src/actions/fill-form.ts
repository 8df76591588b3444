import { parse, type HTMLElement } from 'node-html-parser';

export interface FormSubmission {
  method: 'GET' | 'POST';
  url: string;
  /** Ordered name/value pairs, as a browser would send them. */
  fields: [string, string][];
  /** Names of the fields filled from the auth fields, for the record (never their values). */
  filled: string[];
  /** The submit button pressed, when it has a name. */
  button?: string;
  /** Names a user could fill: visible inputs, selects, textareas and named submit buttons. */
  names: string[];
  /**
   * Credentials-looking inputs sent empty because no auth field names them: password inputs, and the
   * required or text inputs of a form that has a password input (a sign-in form).
   */
  emptyCredentials: string[];
}

const SKIPPED_INPUTS = new Set(['submit', 'button', 'image', 'reset', 'file']);
/** Inputs a person types into (a user name, a password, an e-mail address). */
const TEXT_INPUTS = new Set(['text', 'password', 'email', 'tel', 'number', '']);

/**
 * Finds the first <form> of an HTML page and fills it as a user would: inputs named in `authFields` get
 * those values, everything else keeps its default (hidden fields such as CSRF tokens included). The button
 * pressed is the one an auth field names (`decision=approve`), else the first submit button.
 * Returns undefined when the page has no form.
 */
export function fillForm(html: string, pageUrl: string, authFields: Record<string, string>): FormSubmission | undefined {
  const form = parse(html).querySelector('form');
  if (!form) return undefined;
  const fields: [string, string][] = [];
  const filled: string[] = [];
  const names: string[] = [];
  const empty: { name: string; password: boolean; required: boolean; text: boolean }[] = [];
  for (const el of form.querySelectorAll('input, select, textarea')) {
    const name = el.getAttribute('name');
    if (!name || el.hasAttribute('disabled')) continue;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (tag === 'input' && SKIPPED_INPUTS.has(type)) continue;
    if (tag === 'input' && (type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
    if (type !== 'hidden') names.push(name);
    if (Object.hasOwn(authFields, name) && type !== 'hidden') {
      fields.push([name, authFields[name]!]);
      filled.push(name);
    } else {
      const value = defaultValue(el, tag, type);
      fields.push([name, value]);
      if (tag === 'input' && value === '' && TEXT_INPUTS.has(type)) {
        empty.push({ name, password: type === 'password', required: el.hasAttribute('required'), text: type !== 'password' });
      }
    }
  }
  const signIn = empty.some((e) => e.password) || form.querySelectorAll('input').some((el) => (el.getAttribute('type') ?? '').toLowerCase() === 'password');
  const emptyCredentials = empty.filter((e) => e.password || e.required || (signIn && e.text)).map((e) => e.name);
  for (const b of submitButtons(form)) {
    const n = b.getAttribute('name');
    if (n && !names.includes(n)) names.push(n);
  }
  const button = chooseButton(form, authFields);
  const buttonName = button?.getAttribute('name');
  if (button && buttonName) {
    const value = button.getAttribute('value') ?? '';
    fields.push([buttonName, Object.hasOwn(authFields, buttonName) && value === '' ? authFields[buttonName]! : value]);
  }
  const action = button?.getAttribute('formaction') ?? form.getAttribute('action') ?? '';
  const method = (button?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get').toUpperCase();
  return {
    method: method === 'POST' ? 'POST' : 'GET',
    url: new URL(action || pageUrl, pageUrl).toString(),
    fields,
    filled,
    ...(buttonName ? { button: buttonName } : {}),
    names,
    emptyCredentials,
  };
}

function defaultValue(el: HTMLElement, tag: string, type: string): string {
  if (tag === 'textarea') return el.textContent;
  if (tag === 'select') {
    const options = el.querySelectorAll('option');
    const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0];
    return chosen ? (chosen.getAttribute('value') ?? chosen.textContent.trim()) : '';
  }
  const value = el.getAttribute('value');
  return value ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
}

function submitButtons(form: HTMLElement): HTMLElement[] {
  return form.querySelectorAll('button, input').filter((el) => {
    const type = (el.getAttribute('type') ?? (el.tagName.toLowerCase() === 'button' ? 'submit' : 'text')).toLowerCase();
    return (type === 'submit' || type === 'image') && !el.hasAttribute('disabled');
  });
}

function chooseButton(form: HTMLElement, authFields: Record<string, string>): HTMLElement | undefined {
  const buttons = submitButtons(form);
  const named = buttons.filter((b) => {
    const n = b.getAttribute('name');
    return n !== undefined && Object.hasOwn(authFields, n);
  });
  const exact = named.find((b) => b.getAttribute('value') === authFields[b.getAttribute('name')!]);
  return exact ?? named[0] ?? buttons[0];
}
