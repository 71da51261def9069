/**
 * Scores from a checklist's weights. Each rated item counts `weight × rating / scale`; a section's
 * score is the sum of those over the sum of the weights of its rated items, as a percentage, and the
 * overall score is the same over every rated item of every section (so a heavier item weighs more
 * wherever it sits). Items marked not applicable, and items not rated yet, count in neither sum.
 */
import type { Score, TemplateSection } from '../contract.ts';

export interface ItemRating {
  rating: number | null;
  notApplicable: boolean;
}

const percent = (earned: number, possible: number) =>
  possible === 0 ? null : Math.round((earned / possible) * 1000) / 10;

export function scoreAssessment(
  sections: readonly TemplateSection[],
  ratings: ReadonlyMap<string, ItemRating>,
): Score {
  let earned = 0;
  let possible = 0;
  let rated = 0;
  let applicable = 0;
  const sectionScores = sections.map((section) => {
    let sectionEarned = 0;
    let sectionPossible = 0;
    for (const item of section.items) {
      const entry = ratings.get(item.key);
      if (entry?.notApplicable) continue;
      applicable++;
      if (entry?.rating === null || entry?.rating === undefined) continue;
      rated++;
      sectionEarned += (item.weight * Math.min(entry.rating, item.scale)) / item.scale;
      sectionPossible += item.weight;
    }
    earned += sectionEarned;
    possible += sectionPossible;
    return { key: section.key, score: percent(sectionEarned, sectionPossible) };
  });
  return { overall: percent(earned, possible), sections: sectionScores, rated, applicable };
}
