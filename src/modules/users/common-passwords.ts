/**
 * Passwords (and their stems) that head every published leak list, plus Dutch favourites. Used as a dictionary by
 * the strength check, so a stem with digits or l33t substitutions added ("Wachtwoord2024!", "p@ssw0rd1234") still
 * scores as weak. Not exhaustive: the strength estimate catches the rest of the easy patterns.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456', '123456789', '12345678', '1234567890', '12345', '1234567', '123123', '111111', '000000', '654321',
  '666666', '121212', '112233', '123321', '987654321', '0987654321', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx',
  'password', 'passw0rd', 'password1', 'password123', 'password1234', 'passwort', 'pass', 'pass1234', 'secret',
  'qwerty', 'qwerty123', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azerty', 'qwertz', 'asdf', 'asdfgh', 'qazwsx',
  'abc123', 'abcd1234', 'abcdef', 'abcdefgh', 'abcdefghijkl', 'aa123456', 'a123456', 'iloveyou', 'letmein',
  'welcome', 'welcome1', 'welcome123', 'admin', 'admin123', 'administrator', 'root', 'toor', 'login', 'master',
  'monkey', 'dragon', 'football', 'baseball', 'soccer', 'hockey', 'basketball', 'superman', 'batman', 'spiderman',
  'sunshine', 'princess', 'shadow', 'michael', 'jennifer', 'jordan', 'hunter', 'killer', 'trustno1', 'whatever',
  'freedom', 'starwars', 'pokemon', 'charlie', 'donald', 'liverpool', 'chelsea', 'arsenal', 'computer', 'internet',
  'changeme', 'default', 'guest', 'test', 'test123', 'testtest', 'test1234', 'temp', 'temp1234', 'letmein123',
  'qwerty12345', 'password12345', 'iloveyou123', 'myspace', 'facebook', 'google', 'linkedin', 'samsung', 'apple',
  'chocolate', 'butterfly', 'cookie', 'flower', 'summer', 'winter', 'autumn', 'spring', 'january', 'december',
  'lovely', 'loveme', 'babygirl', 'angel', 'jesus', 'blessed', 'family', 'forever', 'friends', 'mustang',
  'access', 'security', 'ninja', 'matrix', 'hello', 'hello123', 'helloworld', 'yankees', 'cheese', 'purple',
  // Dutch
  'wachtwoord', 'wachtwoord1', 'wachtwoord123', 'welkom', 'welkom01', 'welkom123', 'geheim', 'geheim123',
  'voetbal', 'ajax', 'feyenoord', 'psv', 'nederland', 'holland', 'amsterdam', 'rotterdam', 'utrecht', 'enschede',
  'hengelo', 'twente', 'almelo', 'zomer', 'winter', 'lente', 'herfst', 'maandag', 'januari', 'schatje', 'liefde',
  'hallo', 'hallo123', 'doei', 'inloggen', 'gebruiker', 'beheerder', 'docent', 'leraar', 'cursist', 'inburgering',
  'taalles', 'gemeente', 'koers', 'koers123', 'koersdemo', 'demo', 'demo1234',
];
