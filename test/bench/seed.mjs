// Seeds the app's IndexedDB directly from inside a page (after the app has created its database),
// with records shaped exactly as src/domain/assessment.ts parses them.
export async function seed(page, { assessments, answersPerAssessment, evidencePerAnswer = 0, indicatorIds }) {
  return page.evaluate(
    async ({ assessments, answersPerAssessment, evidencePerAnswer, indicatorIds }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('mgi-assessments');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = new Date().toISOString();
      const ids = [];
      const tx = db.transaction(['assessments', 'answers'], 'readwrite');
      for (let a = 0; a < assessments; a++) {
        const id = `bench-${a}`;
        ids.push(id);
        tx.objectStore('assessments').put({
          id,
          government: `Bench country ${a}`,
          level: 'national',
          year: 2020 + (a % 7),
          focalPoint: 'Focal point',
          institutions: ['interior', 'labour'],
          context: 'Context paragraph. '.repeat(20),
          catalogueVersion: '2026.1',
          status: 'draft',
          archived: false,
          createdAt: now,
          updatedAt: new Date(Date.now() - a * 60_000).toISOString(),
        });
        for (let i = 0; i < Math.min(answersPerAssessment, indicatorIds.length); i++) {
          tx.objectStore('answers').put({
            assessmentId: id,
            indicatorId: indicatorIds[i],
            value: ['yes', 'partial', 'no'][i % 3],
            narrative: 'A narrative of a few sentences explaining the answer and its limits. '.repeat(3),
            evidence: Array.from({ length: evidencePerAnswer }, (_, e) => ({
              id: `${id}-${i}-${e}`,
              title: `Law ${e} of ${2000 + e}`,
              type: 'law',
              reference: `Article ${e}`,
              year: 2000 + e,
              link: '',
            })),
            institutions: ['interior'],
            decision: 'consensus',
            dissentNote: '',
            followUp: false,
            updatedAt: now,
          });
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return ids;
    },
    { assessments, answersPerAssessment, evidencePerAnswer, indicatorIds },
  );
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
