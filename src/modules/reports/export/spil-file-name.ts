/** Dutch download name: "SPIL Enschede 2025-01-01 t-m 2025-03-31.xlsx" (or "SPIL Twente ..." for all). */
export const spilFileName = (municipality: string | null, from: string, to: string, ext: 'xlsx' | 'pdf'): string =>
  `${ext === 'pdf' ? 'SPIL-kwartaalrapportage' : 'SPIL-rapportage'} ${municipality ?? 'Twente'} ${from} t-m ${to}.${ext}`;
