import { Prng } from './prng';

/** Name pools of Twente's main newcomer populations; "a|b" surnames are male|female forms. */
export interface Origin {
  key: string;
  country: string;
  language: string;
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
}

export const ORIGINS: readonly Origin[] = [
  {
    key: 'syrian', country: 'Syrië', language: 'Arabisch',
    male: ['Mohammed', 'Ahmad', 'Omar', 'Khaled', 'Yusuf', 'Hassan', 'Ali', 'Mahmoud', 'Abdullah', 'Ibrahim', 'Rami', 'Bashar', 'Samer', 'Fadi', 'Tarek', 'Anas', 'Hussein', 'Muhannad'],
    female: ['Fatima', 'Aya', 'Rasha', 'Lina', 'Nour', 'Hala', 'Rania', 'Amira', 'Yasmin', 'Reem', 'Dima', 'Hiba', 'Sawsan', 'Ghalia', 'Rouba'],
    last: ['Al-Hassan', 'Alkhatib', 'Haddad', 'Al-Ahmad', 'Darwish', 'Hamdan', 'Khalil', 'Al-Masri', 'Sabbagh', 'Kassab', 'Al-Halabi', 'Shami', 'Najjar', 'Mansour', 'Abboud', 'Qasim', 'Al-Zoubi', 'Mohammad'],
  },
  {
    key: 'eritrean', country: 'Eritrea', language: 'Tigrinya',
    male: ['Tesfay', 'Yonas', 'Dawit', 'Berhane', 'Mehari', 'Samuel', 'Filmon', 'Kidane', 'Amanuel', 'Habtom', 'Yohannes', 'Biniam', 'Awet', 'Robel'],
    female: ['Helen', 'Selam', 'Senait', 'Mebrat', 'Rahel', 'Luwam', 'Saba', 'Feven', 'Tsega', 'Hiwet', 'Yordanos', 'Winta'],
    last: ['Haile', 'Tesfamariam', 'Gebremedhin', 'Tekle', 'Berhe', 'Weldemariam', 'Kahsay', 'Ghebreyesus', 'Asmerom', 'Habte', 'Mebrahtu', 'Yohannes', 'Tesfay', 'Andemariam'],
  },
  {
    key: 'turkish', country: 'Turkije', language: 'Turks',
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Hüseyin', 'İbrahim', 'Emre', 'Yusuf', 'Murat', 'Serkan', 'Barış', 'Oğuz', 'Çağlar', 'Kadir'],
    female: ['Ayşe', 'Fatma', 'Emine', 'Zeynep', 'Elif', 'Hatice', 'Gülsüm', 'Özlem', 'Şule', 'Büşra', 'Nurcan', 'Merve'],
    last: ['Çelik', 'Şahin', 'Yılmaz', 'Kaya', 'Demir', 'Öztürk', 'Aydın', 'Yıldız', 'Doğan', 'Arslan', 'Koç', 'Kılıç', 'Özdemir', 'Güneş', 'Erdoğan'],
  },
  {
    key: 'afghan', country: 'Afghanistan', language: 'Dari',
    male: ['Ahmad', 'Mohammad', 'Abdul', 'Farid', 'Hamid', 'Javid', 'Nasir', 'Mirwais', 'Sayed', 'Rahim', 'Wahid', 'Zabihullah', 'Omid', 'Shafiq'],
    female: ['Zahra', 'Maryam', 'Fariba', 'Shabnam', 'Nargis', 'Parwana', 'Farzana', 'Soraya', 'Mursal', 'Roya', 'Freshta', 'Hasina'],
    last: ['Ahmadi', 'Rahimi', 'Hakimi', 'Karimi', 'Noori', 'Popal', 'Sultani', 'Stanekzai', 'Wardak', 'Hashimi', 'Rezai', 'Safi', 'Mohammadi', 'Amiri'],
  },
  {
    key: 'ukrainian-cyrillic', country: 'Oekraïne', language: 'Oekraïens',
    male: ['Олександр', 'Андрій', 'Дмитро', 'Сергій', 'Максим', 'Іван', 'Богдан', 'Юрій', 'Тарас', 'Микола', 'Віктор', 'Олег'],
    female: ['Ольга', 'Олена', 'Наталія', 'Тетяна', 'Ірина', 'Юлія', 'Оксана', 'Марія', 'Анна', 'Світлана', 'Катерина', 'Людмила'],
    last: ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Мельник', 'Бойко', 'Ковальчук', 'Олійник', 'Лисенко', 'Поліщук', 'Савченко', 'Марченко', 'Руденко'],
  },
  {
    key: 'ukrainian-latin', country: 'Oekraïne', language: 'Oekraïens',
    male: ['Oleksandr', 'Andrii', 'Dmytro', 'Serhii', 'Maksym', 'Ivan', 'Bohdan', 'Yurii', 'Taras', 'Mykola', 'Viktor', 'Oleh'],
    female: ['Olha', 'Olena', 'Nataliia', 'Tetiana', 'Iryna', 'Yuliia', 'Oksana', 'Mariia', 'Anna', 'Svitlana', 'Kateryna', 'Liudmyla'],
    last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boiko', 'Kovalchuk', 'Oliinyk', 'Lysenko', 'Polishchuk', 'Savchenko'],
  },
  {
    key: 'polish', country: 'Polen', language: 'Pools',
    male: ['Łukasz', 'Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Grzegorz', 'Jakub', 'Wojciech', 'Kamil', 'Mateusz'],
    female: ['Agnieszka', 'Katarzyna', 'Małgorzata', 'Joanna', 'Magdalena', 'Anna', 'Monika', 'Ewa', 'Dorota', 'Barbara', 'Żaneta', 'Justyna'],
    last: ['Wójcik', 'Kowalski|Kowalska', 'Nowak', 'Wiśniewski|Wiśniewska', 'Lewandowski|Lewandowska', 'Kamiński|Kamińska', 'Zieliński|Zielińska', 'Szymański|Szymańska', 'Woźniak', 'Dąbrowski|Dąbrowska', 'Kozłowski|Kozłowska', 'Mazur', 'Krawczyk', 'Grabowski|Grabowska'],
  },
  {
    key: 'moroccan', country: 'Marokko', language: 'Tamazight',
    male: ['Mohamed', 'Youssef', 'Said', 'Rachid', 'Abdelkader', 'Mustapha', 'Hamid', 'Driss', 'Karim', 'Nordin', 'Hicham', 'Mounir'],
    female: ['Fatima', 'Khadija', 'Naima', 'Malika', 'Samira', 'Latifa', 'Hafsa', 'Zineb', 'Siham', 'Loubna', 'Nadia', 'Houda'],
    last: ['El Amrani', 'Benali', 'El Idrissi', 'Bouzid', 'Ouali', 'Azzouz', 'El Khattabi', 'Benhaddou', 'Amrani', 'Ait Taleb', 'Bakkali', 'Chaoui', 'Ouchen', 'Tahiri'],
  },
];

/** Share of each origin among the generated learners (percent). */
export const ORIGIN_WEIGHTS: Record<string, number> = {
  syrian: 22, eritrean: 15, turkish: 11, afghan: 10, 'ukrainian-cyrillic': 12, 'ukrainian-latin': 7, polish: 11, moroccan: 12,
};

export interface GeneratedName {
  firstName: string;
  lastName: string;
  female: boolean;
  origin: Origin;
}

export function randomName(rng: Prng): GeneratedName {
  const key = rng.weighted(ORIGIN_WEIGHTS);
  const origin = ORIGINS.find((o) => o.key === key)!;
  const female = rng.chance(0.5);
  const [m, f] = rng.pick(origin.last).split('|');
  return { firstName: rng.pick(female ? origin.female : origin.male), lastName: female ? (f ?? m) : m, female, origin };
}
