// Readers: every input path, well-formed and malformed.
#include <gtest/gtest.h>

#include <sstream>

#include "helpers.h"
#include "util/text.h"

namespace mosaic {
namespace {

using test::Collected;
using test::TempDir;

const char* kReport =
    "Army retakes bridge in Omdurman\n\nThe army said on Friday it had retaken the bridge after two days of fighting.";

TEST(TextInput, FileAndFolderWithHeadline) {
  TempDir dir;
  dir.write("in/a-1.txt", kReport);
  dir.write("in/sub/b.txt", "Shelling killed three people in Kadugli. The army blamed the SPLM-N.");
  dir.write("in/notes.md", "not an article");
  const auto c = test::read(dir.file("in"));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(c.docs[0].id, "a-1");
  EXPECT_EQ(c.docs[0].title, "Army retakes bridge in Omdurman");
  EXPECT_EQ(c.docs[1].id, "b");
  EXPECT_EQ(c.docs[1].title, "");  // its first line is a sentence, not a headline
}

TEST(TextInput, EmptyFile) {
  TempDir dir;
  const auto c = test::read(dir.write("empty.txt", ""));
  EXPECT_TRUE(c.docs.empty());
  EXPECT_TRUE(c.has_problem("empty.txt", "empty file"));
}

TEST(TextInput, BinaryFile) {
  TempDir dir;
  std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const auto c = test::read(dir.write("image.txt", bytes));
  EXPECT_TRUE(c.docs.empty());
  EXPECT_TRUE(c.has_problem("image.txt", "binary"));
}

TEST(TextInput, Windows1252IsRecodedWithAWarning) {
  TempDir dir;
  const auto c = test::read(dir.write("old.txt", "Caf\xE9 owners said \x93no\x94 to the curfew."));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, "Caf\u00E9 owners said \u201Cno\u201D to the curfew.");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].level, Problem::Level::Warning);
  EXPECT_TRUE(c.has_problem("old.txt", "Windows-1252"));
}

TEST(TextInput, OverTheSizeLimitIsSkipped) {
  TempDir dir;
  ReadOptions o;
  o.max_doc_bytes = 1000;
  const auto c = test::read(dir.write("big.txt", std::string(5000, 'a')), o);
  EXPECT_TRUE(c.docs.empty());
  EXPECT_TRUE(c.has_problem("big.txt", "over the limit"));
}

TEST(Input, MissingPathAndUnknownType) {
  TempDir dir;
  auto c = test::read(dir.file("nowhere"));
  EXPECT_TRUE(c.has_problem("nowhere", "no such file"));
  EXPECT_EQ(c.problems[0].level, Problem::Level::Fatal);
  c = test::read(dir.write("feed.xml", "<rss/>"));
  EXPECT_TRUE(c.has_problem("feed.xml", "--format"));
}

TEST(Jsonl, ReadsRecordsAndReportsBadLines) {
  TempDir dir;
  const std::string feed =
      R"({"id": "n1", "title": "Truce signed", "text": "Both sides signed a truce.", "date": "20 May 2023", "source": "wire", "url": "http://example.org/1"})"
      "\n\n"
      R"({"id": 42, "text": "Numeric ids are kept as text."})"
      "\n"
      R"({"title": "no id", "text": "This record has no id."})"
      "\n"
      R"({"id": "n4", "text": "A line cut short by a crash)"
      "\n"
      R"({"id": "n5", "title": "no text"})"
      "\n"
      R"(["not", "an", "object"])"
      "\n"
      R"({"id": "n7", "text": "   "})"
      "\n"
      R"({"id": "n8", "text": "Fine again.", "date": "someday"})";
  const auto c = test::read(dir.write("feed.jsonl", feed));
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "n1");
  EXPECT_EQ(c.docs[0].date, "2023-05-20");
  EXPECT_EQ(c.docs[0].source, "wire");
  EXPECT_EQ(c.docs[0].url, "http://example.org/1");
  EXPECT_EQ(c.docs[0].raw, "Truce signed\n\nBoth sides signed a truce.");
  EXPECT_EQ(c.docs[0].origin, dir.file("feed.jsonl") + ":1");
  EXPECT_EQ(c.docs[1].id, "42");
  EXPECT_EQ(c.docs[2].id, "n8");
  EXPECT_TRUE(c.has_problem("feed.jsonl:4", "missing id"));
  EXPECT_TRUE(c.has_problem("feed.jsonl:5", "invalid JSON at column"));
  EXPECT_TRUE(c.has_problem("feed.jsonl:6 (id n5)", "missing text"));
  EXPECT_TRUE(c.has_problem("feed.jsonl:7", "not a JSON object"));
  EXPECT_TRUE(c.has_problem("feed.jsonl:8 (id n7)", "empty text"));
  EXPECT_TRUE(c.has_problem("feed.jsonl:9 (id n8)", "date 'someday' not understood"));
}

TEST(Jsonl, HugeLineIsSkippedInBoundedMemory) {
  TempDir dir;
  ReadOptions o;
  o.max_doc_bytes = 1 << 20;
  std::string feed = R"({"id": "huge", "text": ")" + std::string(50u << 20, 'x') + "\"}\n";
  feed += R"({"id": "after", "text": "The record after the huge one."})";
  const auto c = test::read(dir.write("huge.jsonl", feed), o);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "after");
  EXPECT_TRUE(c.has_problem("huge.jsonl:1", "over the limit"));
}

TEST(Jsonl, InvalidUtf8IsRecoded) {
  TempDir dir;
  const auto c = test::read(dir.write("w.jsonl", "{\"id\": \"w\", \"text\": \"Caf\xE9 closed.\"}\n"));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, "Caf\u00E9 closed.");
  EXPECT_TRUE(c.has_problem("w.jsonl:1", "Windows-1252"));
}

TEST(Jsonl, EmptyFile) {
  TempDir dir;
  const auto c = test::read(dir.write("none.jsonl", "\n\n"));
  EXPECT_TRUE(c.docs.empty());
  EXPECT_TRUE(c.has_problem("none.jsonl", "empty file"));
}

ReadOptions fakes_map() {
  ReadOptions o;
  o.csv = CsvMap::parse("id=unit_id,title=article_title,text=article_content,date=date,source=source");
  return o;
}

TEST(Csv, MappedColumnsQuotesAndNewlines) {
  TempDir dir;
  const std::string csv =
      "unit_id,article_title,article_content,source,date,extra\r\n"
      "101,Strike on market,\"Drones struck the market, killing 4.\nThe army blamed the RSF.\",wire,4/5/17,x\r\n"
      "102,Quote test,\"He said \"\"enough\"\" twice.\",daily,10/4/2016,y\r\n"
      "103,Short row,only three\r\n"
      "104,Long date,Text here.,wire,4 October 2016,z\r\n";
  const auto c = test::read(dir.write("a.csv", csv), fakes_map());
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "101");
  EXPECT_EQ(c.docs[0].date, "2017-04-05");
  EXPECT_EQ(c.docs[0].raw, "Strike on market\n\nDrones struck the market, killing 4.\nThe army blamed the RSF.");
  EXPECT_EQ(c.docs[1].raw, "Quote test\n\nHe said \"enough\" twice.");
  EXPECT_EQ(c.docs[1].date, "2016-10-04");
  EXPECT_EQ(c.docs[2].date, "2016-10-04");
  // Record 3 starts on line 5: record 1 spans two lines.
  EXPECT_TRUE(c.has_problem("a.csv:5 (record 3)", "3 fields where the header has 6"));
}

// Event datasets and feeds say which country a record is about: a column or a field of that
// name (or mapped to it) is read as the document's stated country, as given.
TEST(Csv, ACountryColumnIsTheDocumentsStatedCountry) {
  TempDir dir;
  const auto c = test::read(dir.write("a.csv",
                                      "id,country,text\n"
                                      "1,Chad,Herders clashed near a well.\n"
                                      "2, ng ,Police dispersed a march.\n"
                                      "3,,No country given.\n"));
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].stated_country, "Chad");
  EXPECT_EQ(c.docs[1].stated_country, "ng");
  EXPECT_EQ(c.docs[2].stated_country, "");
  ReadOptions mapped;
  mapped.csv = CsvMap::parse("country=pays");
  const auto m = test::read(dir.write("b.csv", "id,pays,text\n7,Niger,Gunmen burned a granary.\n"), mapped);
  ASSERT_EQ(m.docs.size(), 1u);
  EXPECT_EQ(m.docs[0].stated_country, "Niger");
}

TEST(Jsonl, ACountryFieldIsTheDocumentsStatedCountry) {
  TempDir dir;
  const auto c = test::read(dir.write("a.jsonl", "{\"id\":\"1\",\"country\":\"Mozambique\",\"text\":\"Insurgents raided a village.\"}\n"
                                                 "{\"id\":\"2\",\"text\":\"No country given.\"}\n"));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].stated_country, "Mozambique");
  EXPECT_EQ(c.docs[1].stated_country, "");
}

TEST(Csv, UnbalancedQuoteStopsAtTheRecordThatOpensIt) {
  TempDir dir;
  const std::string csv =
      "id,text\n"
      "1,\"A good record.\"\n"
      "2,\"This one never closes its quote.\n"
      "3,A record swallowed by the open quote.\n";
  const auto c = test::read(dir.write("q.csv", csv));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(c.has_problem("q.csv:3 (record 2)", "quoted field opened on line 3 is never closed"));
}

TEST(Csv, UnknownColumnInMapIsFatalForThatInput) {
  TempDir dir;
  ReadOptions o;
  o.csv = CsvMap::parse("text=body");
  const auto c = test::read(dir.write("m.csv", "id,text\n1,Some text.\n"), o);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].level, Problem::Level::Fatal);
  EXPECT_TRUE(c.has_problem("m.csv", "--csv-map text=body: no such column (columns: id, text)"));
}

TEST(Csv, MapSyntaxErrors) {
  EXPECT_THROW(CsvMap::parse("headline=title"), Error);
  EXPECT_THROW(CsvMap::parse("id"), Error);
  EXPECT_THROW(CsvMap::parse("id="), Error);
  EXPECT_EQ(CsvMap::parse(" id = unit_id , ").columns.at("id"), "unit_id");
}

TEST(Csv, MissingIdAndOversizedRecord) {
  TempDir dir;
  ReadOptions o;
  o.max_doc_bytes = 100;
  const std::string csv = "id,text\n,No id here.\n2,\"" + std::string(5u << 20, 'y') + "\"\n3,Last one.\n";
  const auto c = test::read(dir.write("r.csv", csv), o);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "3");
  EXPECT_TRUE(c.has_problem("r.csv:2 (record 1)", "missing id"));
  EXPECT_TRUE(c.has_problem("r.csv:3 (record 2)", "over the limit"));
}

TEST(Csv, EmptyFileAndHeaderOnly) {
  TempDir dir;
  EXPECT_TRUE(test::read(dir.write("e.csv", "")).has_problem("e.csv", "empty file"));
  const auto c = test::read(dir.write("h.csv", "id,text\n"));
  EXPECT_TRUE(c.docs.empty());
  EXPECT_TRUE(c.problems.empty());
}

TEST(Streams, ReadersWorkOnAnyStream) {
  std::istringstream in("Shells fell on Kadugli.");
  Collected c;
  read_text(in, "stdin-doc", "stdin", {}, c.sink(), c.report());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "stdin-doc");
}

TEST(Dates, FormsFeedsUse) {
  EXPECT_EQ(parse_date("4/5/17"), "2017-04-05");
  EXPECT_EQ(parse_date("10/4/2016"), "2016-10-04");
  EXPECT_EQ(parse_date("2016-10-04"), "2016-10-04");
  EXPECT_EQ(parse_date("2016-10-04T08:30:00Z"), "2016-10-04");
  EXPECT_EQ(parse_date("4 October 2016"), "2016-10-04");
  EXPECT_EQ(parse_date("October 4, 2016"), "2016-10-04");
  EXPECT_EQ(parse_date("Wed 05 Apr 2017"), "2017-04-05");
  EXPECT_EQ(parse_date("Sept. 9, 1999"), "1999-09-09");
  EXPECT_EQ(parse_date("2/30/2016"), "");
  EXPECT_EQ(parse_date("2/29/2016"), "2016-02-29");
  EXPECT_EQ(parse_date("yesterday"), "");
  EXPECT_EQ(parse_date(""), "");
}

TEST(Decode, Utf8PassesBinaryFails) {
  std::string out;
  EXPECT_EQ(decode_text("\xEF\xBB\xBFplain", out), TextEncoding::Utf8);
  EXPECT_EQ(out, "plain");
  EXPECT_EQ(decode_text(std::string("ab\0cd", 5), out), TextEncoding::Binary);
  EXPECT_EQ(decode_text("Caf\xE9", out), TextEncoding::Windows1252);
  EXPECT_EQ(out, "Caf\u00E9");
}

// UTF-16 as little- or big-endian bytes, with or without its byte-order mark.
std::string utf16(std::string_view ascii_or_latin1, bool little, bool mark) {
  std::string out = mark ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (const char c : ascii_or_latin1) {
    const char hi = 0, lo = c;
    out += little ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(Decode, Utf16IsDecodedWithItsMarkAndToldWithoutIt) {
  std::string out;
  EXPECT_EQ(decode_text(utf16("Shelling resumed in Caf\xE9 district.", true, true), out), TextEncoding::Utf16);
  EXPECT_EQ(out, "Shelling resumed in Caf\u00E9 district.");
  EXPECT_EQ(decode_text(utf16("Shelling resumed.", false, true), out), TextEncoding::Utf16);
  EXPECT_EQ(out, "Shelling resumed.");
  EXPECT_EQ(decode_text(utf16("Shelling resumed in the old city.", true, false), out), TextEncoding::Utf16NoMark);
}

TEST(TextInput, Utf16IsReadOrNamedNotCalledBinary) {
  TempDir dir;
  const auto with = test::read(dir.write("with.txt", utf16("Talks resumed in the capital on Monday.", true, true)));
  ASSERT_EQ(with.docs.size(), 1u);
  EXPECT_EQ(with.docs[0].raw, "Talks resumed in the capital on Monday.");
  const auto without = test::read(dir.write("without.txt", utf16("Talks resumed in the capital.", true, false)));
  EXPECT_TRUE(without.docs.empty());
  EXPECT_TRUE(without.has_problem("without.txt", "UTF-16 without a byte-order mark"));
}

// {"score": 1e400} is valid JSON that no double holds: the record is read
// all the same (the number was the only thing wrong with it, and not one the
// document keeps). It used to abort the whole ingest.
TEST(Jsonl, ANumberTooLargeForADoubleDoesNotCostItsRecord) {
  TempDir dir;
  const std::string feed =
      R"({"id": "b", "text": "Talks resumed.", "score": 1e400})"
      "\n"
      R"({"score": [-1e999, 2e308], "id": "c", "text": "A convoy arrived.", "weight": 1.5e-400})"
      "\n"
      R"({"id": 1e400, "text": "An id no number can hold."})"
      "\n"
      R"({"id": "d", "text": "Fine.", "title": null, "source": 12, "url": true})";
  const auto c = test::read(dir.write("n.jsonl", feed));
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "b");
  EXPECT_EQ(c.docs[1].id, "c");
  EXPECT_EQ(c.docs[1].raw, "A convoy arrived.");
  EXPECT_TRUE(c.has_problem("n.jsonl:3", "missing id"));
  EXPECT_EQ(c.docs[2].source, "12");
  EXPECT_TRUE(c.has_problem("n.jsonl:4", "field 'url' is not a string"));
  EXPECT_FALSE(c.has_problem("n.jsonl:4", "field 'title'"));  // null is absent
}

// A problem is shown in logs and in JSON answers: it is UTF-8 even when the
// JSON parser's message quotes the line cut inside a character (found by
// fuzz_jsonl).
TEST(Jsonl, AProblemQuotingABadLineIsUtf8) {
  TempDir dir;
  const std::string feed = "{\"id\":\"a\",\"text\":\"Talks.\",\"b\":\xc3\xa9t\xc3\xa9}\n{\"id\":\"c\",\"text\":\"Fine.\"}\n";
  const auto c = test::read(dir.write("cut.jsonl", feed));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(c.has_problem("cut.jsonl:1", "invalid JSON"));
  for (const Problem& p : c.problems) EXPECT_TRUE(valid_utf8(p.line())) << p.line();
}

// Every string a document keeps is UTF-8, its id and origin included: an id
// stored undecoded made every later export of the store fail.
TEST(Records, IdsAndFileNamesThatAreNotUtf8AreDecodedAndControlCharactersRefused) {
  TempDir dir;
  const auto csv = test::read(dir.write("caf\xE9.csv", "id,text\nr\xE9sum\xE9,Troops withdrew.\n"));
  ASSERT_EQ(csv.docs.size(), 1u);
  EXPECT_EQ(csv.docs[0].id, "r\u00E9sum\u00E9");
  EXPECT_TRUE(csv.has_problem("(record 1)", "id is not valid UTF-8"));
  EXPECT_NE(csv.docs[0].origin.find("caf\uFFFD.csv:2"), std::string::npos) << csv.docs[0].origin;
  const auto jsonl = test::read(dir.write("c.jsonl", R"({"id": "a\u0000b", "text": "Troops withdrew."})"
                                                      "\n"
                                                      R"({"id": "a\tb", "text": "Troops withdrew."})"
                                                      "\n"));
  EXPECT_TRUE(jsonl.docs.empty());
  EXPECT_TRUE(jsonl.has_problem("c.jsonl:1", "id is binary data"));
  EXPECT_TRUE(jsonl.has_problem("c.jsonl:2", "control characters"));
}

// Column names are decoded as fields are: one written in Windows-1252 is
// found by the map that names it, and an error quoting a header is UTF-8
// (it quoted the bytes undecoded; found by fuzz_csv).
TEST(Csv, ColumnNamesNotInUtf8AreDecodedForTheMapAndForErrors) {
  TempDir dir;
  const std::string path = dir.write("latin.csv", "id,r\xe9sum\xe9\n1,Talks resumed.\n");
  ReadOptions o;
  o.csv = CsvMap::parse("text=r\u00e9sum\u00e9");
  const auto mapped = test::read(path, o);
  ASSERT_EQ(mapped.docs.size(), 1u);
  EXPECT_EQ(mapped.docs[0].raw, "Talks resumed.");
  const auto unmapped = test::read(path);  // no 'text' column: the input is refused, its columns listed
  EXPECT_TRUE(unmapped.docs.empty());
  EXPECT_TRUE(unmapped.has_problem("latin.csv", "columns: id, r\u00e9sum\u00e9"));
  // A name holding a line break is quoted on the problem's one line.
  const auto broken = test::read(dir.write("broken.csv", "id,\"body\nof text\"\n1,Talks resumed.\n"));
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_EQ(broken.problems[0].line().find('\n'), std::string::npos) << broken.problems[0].line();
  EXPECT_TRUE(broken.has_problem("broken.csv", "columns: id, body of text"));
}

// Excel's "CSV UTF-8" starts with a byte-order mark, its "Unicode text" is
// UTF-16: both are read; the mark is not part of the first column's name.
TEST(Csv, AByteOrderMarkOrUtf16IsReadNotRejected) {
  TempDir dir;
  const auto bom = test::read(dir.write("bom.csv", "\xEF\xBB\xBFid,text\n1,Talks resumed.\n"));
  ASSERT_EQ(bom.docs.size(), 1u);
  EXPECT_EQ(bom.docs[0].id, "1");
  const auto wide = test::read(dir.write("wide.csv", utf16("id,text\r\n7,Caf\xE9 owners fled.\r\n", true, true)));
  ASSERT_EQ(wide.docs.size(), 1u) << (wide.problems.empty() ? "" : wide.problems[0].line());
  EXPECT_EQ(wide.docs[0].raw, "Caf\u00E9 owners fled.");
  const auto jsonl = test::read(dir.write("wide.jsonl", utf16("{\"id\": \"w\", \"text\": \"Talks.\"}\n", false, true)));
  ASSERT_EQ(jsonl.docs.size(), 1u);
  const auto no_mark = test::read(dir.write("nomark.csv", utf16("id,text\n7,Talks resumed in the capital.\n", true, false)));
  EXPECT_TRUE(no_mark.docs.empty());
  EXPECT_TRUE(no_mark.has_problem("nomark.csv", "UTF-16 without a byte-order mark"));
}

// A quote that opens a field by mistake swallows the lines after it up to
// the next quote, which then closes it with text after: the record is
// reported, not read as one merged record.
TEST(Csv, AStrayQuoteIsReportedNotMergedWithTheRecordsAfterIt) {
  TempDir dir;
  const std::string csv =
      "id,text\n"
      "1,\"Rebels said they held the bridge\n"
      "2,\"The army denied it.\"\n"
      "3,Talks resumed.\n";
  const auto c = test::read(dir.write("s.csv", csv));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "3");
  EXPECT_TRUE(c.has_problem("s.csv:2 (record 1)", "stray quote"));
}

// A row of a million commas is counted, not stored field by field (20 MB of
// commas took 1.1 GB).
TEST(Csv, ARowOfCommasIsCountedNotStored) {
  TempDir dir;
  const std::string csv = "id,text\n1," + std::string(1u << 20, ',') + "\n2,Talks resumed.\n";
  const auto c = test::read(dir.write("w.csv", csv));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(c.has_problem("w.csv:2 (record 1)", "1048578 fields where the header has 2"));
  const auto header = test::read(dir.write("h.csv", std::string(1u << 20, ',') + "id,text\n"), [] {
    ReadOptions o;
    o.max_doc_bytes = 1000;  // the header's fields count against a record's bytes
    return o;
  }());
  EXPECT_TRUE(header.has_problem("h.csv", "no readable header row"));
}

}  // namespace
}  // namespace mosaic
