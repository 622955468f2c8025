import { foldQuery } from './name-folding';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/**
 * SQL condition on a learner alias for a search box: every word occurs in the folded name key (trigram GIN index
 * ix_learner_search_trgm), or the whole input is the exact learner number (as typed or in capitals, uq_learner_number).
 * Pushes its parameters onto `params`; empty input matches nothing.
 */
export function learnerSearchSql(search: string, params: unknown[], alias = 'l'): string {
  const term = search.trim();
  const words = foldQuery(term).split(' ').filter(Boolean);
  const likes = words.map((w) => {
    params.push(escapeLike(w));
    return `${alias}.search_text LIKE '%' || $${params.length} || '%'`;
  });
  params.push(term, term.toUpperCase());
  return `((${likes.join(' AND ') || 'FALSE'}) OR ${alias}.learner_number IN ($${params.length - 1}, $${params.length}))`;
}
