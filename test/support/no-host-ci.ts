// The suite's own tests must not write annotations or a job summary into the CI job that runs them: the
// CLI children they start inherit this environment. Tests of those features set the variables themselves.
delete process.env.GITHUB_ACTIONS;
delete process.env.GITHUB_STEP_SUMMARY;
