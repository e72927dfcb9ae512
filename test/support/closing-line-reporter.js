/**
 * Ends the run with one plain line, `jest: N passed, N failed[, N skipped]`, which CI and people can read
 * without knowing Jest's summary format.
 */
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}

module.exports = ClosingLineReporter;
