/**
 * Comparing a record with an expected record that holds only what the page determines: every key
 * the expected record has must match; keys it leaves out are not judged. `flags` compare as sets.
 */
export function recordDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (path === '.flags' || path.endsWith('.flags')) {
    const e = [...(expected as string[])].sort();
    const a = [...((actual as string[] | undefined) ?? [])].sort();
    return JSON.stringify(e) === JSON.stringify(a) ? [] : [`${path}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`];
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
      return expected.flatMap((e, i) => recordDifferences(e, actual[i], `${path}[${i}]`));
    }
    return Object.entries(expected).flatMap(([k, v]) => {
      if (k === 'text' || k === 'checks') return [];
      return recordDifferences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`);
    });
  }
  return Object.is(expected, actual) || expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
