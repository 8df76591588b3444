import type { ParsedDocument } from '../../actions/clr/document-kind.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The document is JSON or a compact JWS at all (validate reads files and URLs, not HTTP responses). */
export const ensureParsedDocument: Check<ParsedDocument> = {
  id: 'ensure-parsed-document',
  title: 'Document is JSON or a compact JWS',
  run(doc) {
    if (doc.form === 'unparsable') return fail(`the document is ${doc.reason}`, { start: doc.text.slice(0, 80) });
    return pass(doc.form === 'jws' ? 'compact JWS' : 'JSON document');
  },
};
