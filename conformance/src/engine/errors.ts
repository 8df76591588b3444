/** Thrown inside a scenario to stop it after a failed MUST; the failure is already recorded. */
export class StopScenario extends Error {
  constructor(readonly checkId: string) {
    super(`stopped after failed check ${checkId}`);
  }
}

/** Thrown to skip the rest of a scenario, with the reason shown in the report. */
export class SkipScenario extends Error {}

/** A defect of the suite itself (not of the implementation). Reported with exit code 2. */
export class SuiteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A problem with how the run was asked for: bad flags, config, unreachable target. Exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
