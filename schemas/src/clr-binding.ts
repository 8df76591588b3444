// Which CLR 1.0 JSON binding a document follows. The Candidate Final (2020-05-21) and Final (2021-01-14)
// bindings differ in a few class shapes (ERRATA.md E17); our schemas accept both, this tells them apart.

export type ClrBinding = 'final' | 'candidate-final' | 'both';

export interface ClrBindingReport {
  binding: ClrBinding;
  /** True when the document uses shapes of both bindings; `binding` is then 'final', the normative one. */
  mixed: boolean;
  /** Where the document uses a Final-only shape: `<JSON pointer> <reason>`. */
  finalOnly: string[];
  /** Where it uses a Candidate-Final-only shape. */
  candidateFinalOnly: string[];
}

type Cls = 'Clr' | 'Assertion' | 'Achievement' | 'Profile' | 'Alignment' | 'Result' | 'ResultDescription' | 'Criteria' | 'Endorsement' | 'Other';
type Node = Record<string, unknown>;

/** The class a property holds (the binding names are the same in both versions). */
const CLASS_OF_KEY: Record<string, Cls> = {
  clr: 'Clr',
  clrs: 'Clr',
  assertions: 'Assertion',
  achievement: 'Achievement',
  achievements: 'Achievement',
  learner: 'Profile',
  publisher: 'Profile',
  source: 'Profile',
  parentOrg: 'Profile',
  issuer: 'Profile',
  alignments: 'Alignment',
  results: 'Result',
  resultDescriptions: 'ResultDescription',
  requirement: 'Criteria',
  endorsements: 'Endorsement',
};

const FINAL_PROFILE_TERMS = ['additionalName', 'familyName', 'givenName', 'identifiers', 'official', 'birthDate', 'parentOrg'];

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (n: Node, key: string) => Object.prototype.hasOwnProperty.call(n, key);

function rootClass(doc: Node): Cls {
  if (has(doc, 'learner') || has(doc, 'publisher')) return 'Clr';
  if (has(doc, 'recipient') || has(doc, 'achievement') || has(doc, 'results')) return 'Assertion';
  if (has(doc, 'claim')) return 'Endorsement';
  if (has(doc, 'resultType')) return 'ResultDescription';
  if (has(doc, 'targetName')) return 'Alignment';
  if (has(doc, 'resultDescription')) return 'Result';
  return 'Other';
}

/** Shapes one object uses that only one binding allows. */
function markers(cls: Cls, n: Node, final: (why: string) => void, cf: (why: string) => void): void {
  switch (cls) {
    case 'Clr':
      for (const k of ['endorsements', 'signedEndorsements']) if (has(n, k)) final(`Clr.${k}`);
      break;
    case 'Assertion':
      for (const k of ['activityStartDate', 'activityEndDate', 'expires']) if (has(n, k)) final(`Assertion.${k}`);
      for (const k of ['startDate', 'endDate']) if (has(n, k)) cf(`Assertion.${k}`);
      break;
    case 'Achievement':
      if (has(n, 'identifiers')) final('Achievement.identifiers');
      if (n.achievementType === 'Assessment' || n.achievementType === 'Assignment') final(`achievementType ${n.achievementType}`);
      if (n.achievementType === 'AssessmentResult') cf('achievementType AssessmentResult');
      break;
    case 'Profile':
      if (!has(n, 'name')) final('Profile without name');
      for (const k of FINAL_PROFILE_TERMS) if (has(n, k)) final(`Profile.${k}`);
      break;
    case 'Alignment':
      if (has(n, 'targetFramework')) final('Alignment.targetFramework');
      if (!has(n, 'targetType')) final('Alignment without targetType');
      if (has(n, 'educationalFramework')) cf('Alignment.educationalFramework');
      break;
    case 'Result':
      if (has(n, 'status')) final('Result.status');
      break;
    case 'ResultDescription':
      if (n.resultType === 'Status') final('resultType Status');
      break;
    case 'Criteria':
      if (!has(n, 'id')) final('Criteria without id');
      break;
    default:
      break;
  }
}

/** Walks a Clr, ClrSet, ClrPayload or CLR class document. Compact JWS strings are not decoded. */
export function describeClrBinding(doc: unknown): ClrBindingReport {
  const finalOnly: string[] = [];
  const candidateFinalOnly: string[] = [];
  const visit = (value: unknown, cls: Cls, pointer: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, cls, `${pointer}/${i}`));
      return;
    }
    if (!isNode(value)) return;
    markers(cls, value, (why) => finalOnly.push(`${pointer || '/'} ${why}`), (why) => candidateFinalOnly.push(`${pointer || '/'} ${why}`));
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') continue;
      visit(child, CLASS_OF_KEY[key] ?? 'Other', `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  if (isNode(doc)) {
    if (Array.isArray(doc['@context'])) finalOnly.push('/ @context as an array');
    visit(doc, rootClass(doc), '');
  }
  const binding: ClrBinding = finalOnly.length > 0 ? 'final' : candidateFinalOnly.length > 0 ? 'candidate-final' : 'both';
  return { binding, mixed: finalOnly.length > 0 && candidateFinalOnly.length > 0, finalOnly, candidateFinalOnly };
}

/** 'final' or 'candidate-final' when the document uses a shape only that binding has; 'both' otherwise. */
export function clrBinding(doc: unknown): ClrBinding {
  return describeClrBinding(doc).binding;
}
