/** The 14 municipalities of Twente with their CBS codes (reference data). */
export const TWENTE_MUNICIPALITIES: ReadonlyArray<{ cbsCode: string; name: string }> = [
  { cbsCode: 'GM0141', name: 'Almelo' },
  { cbsCode: 'GM0147', name: 'Borne' },
  { cbsCode: 'GM1774', name: 'Dinkelland' },
  { cbsCode: 'GM0153', name: 'Enschede' },
  { cbsCode: 'GM0158', name: 'Haaksbergen' },
  { cbsCode: 'GM0163', name: 'Hellendoorn' },
  { cbsCode: 'GM0164', name: 'Hengelo' },
  { cbsCode: 'GM1735', name: 'Hof van Twente' },
  { cbsCode: 'GM0168', name: 'Losser' },
  { cbsCode: 'GM0173', name: 'Oldenzaal' },
  { cbsCode: 'GM1742', name: 'Rijssen-Holten' },
  { cbsCode: 'GM0183', name: 'Tubbergen' },
  { cbsCode: 'GM1700', name: 'Twenterand' },
  { cbsCode: 'GM0189', name: 'Wierden' },
];
