// Counts Content-Security-Policy violations on demo/strict.html and shows the count, so a person
// (and test/embedding/strict.test.ts, through `window.tmViolations`) can see the page stays clean.
window.tmViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.tmViolations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
  const status = document.getElementById('violations');
  if (status)
    status.textContent = `${window.tmViolations.length} policy violation(s): ${window.tmViolations
      .map((v) => v.directive)
      .join(', ')}`;
});
