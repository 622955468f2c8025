/** Fixed catalogue of the demo: where groups meet, what people write. Dutch, as the users say it. */
export const MUNICIPALITY_INFO: Record<string, { abbr: string; weight: number; postal: string; streets: string[]; location: string }> = {
  GM0141: { abbr: 'ALM', weight: 73, postal: '76', streets: ['Grotestraat', 'Wierdensestraat', 'Ootmarsumsestraat', 'Schuilenburgsingel'], location: 'Almelo, Het Baken 1' },
  GM0147: { abbr: 'BOR', weight: 24, postal: '762', streets: ['Grotestraat', 'Azelosestraat', 'Bornsestraat'], location: 'Borne, Wijkcentrum De Kern, Stationsstraat 12' },
  GM1774: { abbr: 'DIN', weight: 26, postal: '759', streets: ['Denekamperstraat', 'Oldenzaalsestraat', 'Kerkstraat'], location: 'Denekamp, Kulturhus, Schiphorstweg 2' },
  GM0153: { abbr: 'ENS', weight: 160, postal: '75', streets: ['Kuipersdijk', 'Hengelosestraat', 'Oldenzaalsestraat', 'Deurningerstraat', 'Pathmossingel', 'Boulevard 1945', 'Wethouder Beversstraat', 'Lasondersingel'], location: 'Enschede, Gronausestraat 1210' },
  GM0158: { abbr: 'HAA', weight: 24, postal: '748', streets: ['Markt', 'Spoorstraat', 'Molenstraat'], location: 'Haaksbergen, Bibliotheek, Wiedenbroekstraat 1' },
  GM0163: { abbr: 'HEL', weight: 36, postal: '744', streets: ['Hoofdstraat', 'Dorpsstraat', 'Stationsstraat'], location: 'Nijverdal, Kulturhus, Salland 2' },
  GM0164: { abbr: 'HGL', weight: 81, postal: '755', streets: ['Enschedesestraat', 'Deldenerstraat', 'Breemarsweg', 'Tuindorpstraat'], location: 'Hengelo, Het Jacht 7' },
  GM1735: { abbr: 'HVT', weight: 35, postal: '747', streets: ['Grotestraat', 'Rijssenseweg', 'Kerkplein'], location: 'Goor, Kulturhus, Kerkstraat 2' },
  GM0168: { abbr: 'LOS', weight: 23, postal: '758', streets: ['Gronausestraat', 'Martinusplein', 'Oldenzaalsestraat'], location: 'Losser, Raadhuisplein 1' },
  GM0173: { abbr: 'OLD', weight: 32, postal: '757', streets: ['Haerstraat', 'Steenstraat', 'Lossersestraat'], location: 'Oldenzaal, Bibliotheek, Torenstraat 1' },
  GM1742: { abbr: 'RH', weight: 38, postal: '746', streets: ['Haarstraat', 'Enterstraat', 'Nijverdalsestraat'], location: 'Rijssen, Het Stadhuis, Schild 1' },
  GM0183: { abbr: 'TUB', weight: 21, postal: '765', streets: ['Grotestraat', 'Uelserweg', 'Kerkstraat'], location: 'Tubbergen, Kulturhus, Oranjestraat 12' },
  GM1700: { abbr: 'TWR', weight: 34, postal: '768', streets: ['Kerkstraat', 'Vriezenveenseweg', 'Westeinde'], location: 'Vriezenveen, Het Punt, Westeinde 4' },
  GM0189: { abbr: 'WIE', weight: 25, postal: '764', streets: ['Nijverheidsstraat', 'Dorpsstraat', 'Rijssenseweg'], location: 'Wierden, Het Anker, Marktstraat 6' },
};

export const PRODUCT_ABBR: Record<string, string> = { 'B1-ROUTE': 'B1', ONDERWIJSROUTE: 'OW', 'Z-ROUTE': 'Z', ALFA: 'ALFA' };

/** Groups per municipality (product codes); 48 in all, the cities carry every product. */
export const GROUP_PLAN: Record<string, string[]> = {
  GM0153: ['B1-ROUTE', 'B1-ROUTE', 'B1-ROUTE', 'B1-ROUTE', 'B1-ROUTE', 'ONDERWIJSROUTE', 'ONDERWIJSROUTE', 'Z-ROUTE', 'Z-ROUTE', 'Z-ROUTE', 'ALFA', 'ALFA'],
  GM0141: ['B1-ROUTE', 'B1-ROUTE', 'B1-ROUTE', 'ONDERWIJSROUTE', 'Z-ROUTE', 'ALFA'],
  GM0164: ['B1-ROUTE', 'B1-ROUTE', 'B1-ROUTE', 'ONDERWIJSROUTE', 'Z-ROUTE', 'ALFA'],
  GM0147: ['B1-ROUTE', 'Z-ROUTE'],
  GM1774: ['B1-ROUTE', 'Z-ROUTE'],
  GM0158: ['B1-ROUTE', 'Z-ROUTE'],
  GM0163: ['B1-ROUTE', 'Z-ROUTE'],
  GM1735: ['B1-ROUTE', 'Z-ROUTE'],
  GM0168: ['B1-ROUTE', 'Z-ROUTE'],
  GM0173: ['B1-ROUTE', 'Z-ROUTE', 'ALFA'],
  GM1742: ['B1-ROUTE', 'B1-ROUTE', 'Z-ROUTE'],
  GM0183: ['B1-ROUTE', 'Z-ROUTE'],
  GM1700: ['B1-ROUTE', 'Z-ROUTE'],
  GM0189: ['B1-ROUTE', 'Z-ROUTE'],
};

/** Weekly schedules: [ISO weekday, start, minutes, mode]. */
export const SCHEDULES: ReadonlyArray<ReadonlyArray<[number, string, number, 'physical' | 'online']>> = [
  [[1, '09:00', 180, 'physical'], [3, '09:00', 180, 'physical']],
  [[2, '13:00', 150, 'physical'], [4, '13:00', 150, 'physical'], [5, '10:00', 90, 'online']],
  [[1, '18:30', 150, 'physical'], [4, '18:30', 150, 'physical']],
  [[2, '09:00', 180, 'physical'], [5, '09:00', 120, 'online']],
  [[1, '13:00', 165, 'physical'], [3, '13:00', 165, 'physical'], [4, '09:30', 120, 'physical']],
];

export const CANCEL_REASONS = ['Docent ziek', 'Lokaal niet beschikbaar', 'Studiedag docenten', 'Storing in het gebouw', 'Code oranje (storm)'];

export const ABSENCE_REASONS = [
  'Ziek', 'Doktersbezoek', 'Afspraak bij de gemeente', 'Sollicitatiegesprek', 'Ziek kind', 'Afspraak IND',
  'Proefplaatsing bij werkgever', 'Begrafenis familielid', 'Tandarts', 'Afspraak Vluchtelingenwerk',
];

export const DROPOUT_WEIGHTS = {
  moved: 15, exemption: 5, route_switch: 8, ended_by_municipality: 4, deceased: 1, health_pregnancy: 14,
  care_duties: 12, work_conflict: 16, motivation_absence: 12, no_show: 6, level_mismatch: 5, other: 5,
} as const;

export const DROPOUT_NOTES: Record<string, string> = {
  moved: 'Verhuisd naar een andere gemeente buiten Twente.',
  exemption: 'Ontheffing verleend door DUO.',
  route_switch: 'Overgestapt naar een andere leerroute na herindicatie.',
  ended_by_municipality: 'Opdracht beëindigd door de gemeente.',
  deceased: 'Deelnemer overleden.',
  health_pregnancy: 'Zwangerschap; hervatting later mogelijk.',
  care_duties: 'Mantelzorg voor een familielid, geen tijd voor lessen.',
  work_conflict: 'Fulltime werk gevonden; lestijden passen niet meer.',
  motivation_absence: 'Langdurig ongeoorloofd verzuim ondanks gesprekken.',
  no_show: 'Nooit verschenen na de intake.',
  level_mismatch: 'Niveau sluit niet aan bij de groep.',
  other: 'Terugkeer naar land van herkomst (familieomstandigheden).',
};

export const NOTE_SUMMARIES = [
  'Voortgangsgesprek: deelnemer is gemotiveerd, spreekvaardigheid gaat vooruit.',
  'Voortgangsgesprek: schrijven blijft achter, extra oefenmateriaal meegegeven.',
  'Gesprek over verzuim; afspraken gemaakt over afmelden bij ziekte.',
  'Deelnemer wil graag werkervaring opdoen in de zorg; contact gelegd met een netwerkpartner.',
  'Deelnemer volgt de lessen goed en helpt medecursisten.',
  'KNM-onderdelen besproken; deelnemer wil in het voorjaar examen doen.',
  'Kinderopvang is geregeld, deelnemer kan nu alle lessen volgen.',
];

export const NOTE_AGREEMENTS = [
  'Twee keer per week oefenen met de online module.',
  'Afmelden vóór 9:00 uur bij ziekte.',
  'Over zes weken opnieuw een gesprek.',
  'Aanmelden voor de taalcafé-avond in de bibliotheek.',
  null,
];

export const PORTFOLIO_TITLES: Record<string, string[]> = {
  work: ['Sollicitatiebrief geschreven', 'Gesprek bij het UWV', 'Snuffelstage bij een bakkerij'],
  parenting: ['Tienminutengesprek op school', 'Ouderavond bezocht'],
  health_care: ['Afspraak bij de huisarts gemaakt', 'Zorgverzekering vergeleken'],
  education: ['Open dag van het ROC bezocht', 'Inschrijving voor een mbo-opleiding'],
  knowledge_of_society: ['Bezoek aan het gemeentehuis', 'Verkiezingen uitgelegd'],
  citizenship: ['Vrijwilligerswerk bij de voedselbank', 'Participatieverklaring'],
  housing: ['Huurcontract doorgenomen', 'Energierekening begrepen'],
  neighbourhood: ['Kennismaken met de buren', 'Buurthuis bezocht'],
};

/** What a learner writes with a portfolio item: what I did, and what I learned or still want to learn. */
export const PORTFOLIO_REFLECTIONS = {
  what: [
    'Ik ben er samen met mijn taalmaatje naartoe gegaan en heb zelf het woord gedaan.',
    'Ik heb een afspraak gemaakt via de telefoon en ben er alleen naartoe gegaan.',
    'Op de foto zie je waar ik was. Ik heb de brief zelf ingevuld.',
    'Ik heb eerst de woorden opgezocht en daarna het gesprek geoefend met mijn buurvrouw.',
    'Ik heb het formulier meegenomen naar de les en met de docent besproken.',
  ],
  learned: [
    'Wat ging goed: ik begreep bijna alles. Volgende keer wil ik meer vragen stellen.',
    'Het was moeilijk om snel te antwoorden. Ik wil nog oefenen met de getallen en de datum.',
    'Ik weet nu waar ik moet zijn en wie ik kan bellen als ik hulp nodig heb.',
    'Ik was zenuwachtig, maar het ging goed. Ik ben trots op mezelf.',
    'Ik heb geleerd dat je in Nederland altijd eerst een afspraak maakt.',
  ],
};

export const REVISION_FEEDBACK = [
  'Beschrijf ook wat je de volgende keer anders doet.',
  'De foto is niet goed te zien. Kun je een nieuwe foto toevoegen?',
  'Schrijf in je eigen woorden wat er gebeurde en met wie je sprak.',
  'Voeg de brief of het formulier toe als bewijsstuk.',
];

export const PLAN_GOALS: Record<string, string[]> = {
  work: ['Werkervaring opdoen in de zorg', 'Een baan in de techniek vinden', 'Eigen bedrijf starten (kapsalon)'],
  housing: ['Zelfstandig contact met de woningcorporatie', 'Post en rekeningen zelf regelen'],
  neighbourhood: ['Contact leggen met de buren', 'Activiteiten in het buurthuis bezoeken'],
  health_care: ['Zelf afspraken maken bij de huisarts'],
  education: ['Doorstromen naar een mbo-opleiding'],
};
