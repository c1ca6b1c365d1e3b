// SPDX-License-Identifier: Apache-2.0
// Malformed queries, unknown fields and unknown tag ids: located, with the closest valid ones.
#include <gtest/gtest.h>

#include "cydex/index/writer.h"
#include "cydex/search/searcher.h"
#include "index_builder.h"
#include "query_syntax.h"

namespace cydex::search {
namespace {

TEST(QuerySyntax, FindsTheOffendingTokenAndItsPosition) {
  struct Case {
    const char* query;
    std::size_t position;
    const char* token;
    const char* says;
  };
  const Case cases[] = {
      // A boolean field with a group instead of a value.
      {"norm:(", 0, "norm:", "takes one value, as in norm:13j"},
      // A field with nothing after it.
      {"cyber title:", 6, "title:", "needs a value, as in title:strategy"},
      // Quotes and parentheses not closed, or closed without opening.
      {"\"unclosed", 0, "\"", "opens a phrase that is not closed"},
      {"cyber \"unclosed phrase", 6, "\"", "opens a phrase that is not closed"},
      {"(cyber OR norms", 0, "(", "is not closed"},
      {"cyber norms)", 11, ")", "has no matching '('"},
      // Operators without a word on one side.
      {"cyber AND", 6, "AND", "needs a word after it"},
      {"AND cyber", 0, "AND", "needs a word before it"},
      {"cyber OR OR norms", 6, "OR", "needs a word after it"},
      {"cyber NOT", 6, "NOT", "needs a word after it"},
      {"(cyber OR) norms", 7, "OR", "needs a word after it"},
      {"NEAR/3 cyber", 0, "NEAR/3", "needs a word before it"},
  };
  for (const Case& c : cases) {
    const std::optional<QueryProblem> problem = find_syntax_problem(c.query);
    ASSERT_TRUE(problem.has_value()) << c.query;
    EXPECT_EQ(problem->position, c.position) << c.query;
    EXPECT_EQ(problem->token, c.token) << c.query;
    EXPECT_NE(problem->message.find(c.says), std::string::npos) << problem->message;
    EXPECT_NE(problem->message.find(std::string("'") + c.query + "'"), std::string::npos) << problem->message;
    EXPECT_EQ(problem->message.find('\n'), std::string::npos) << problem->message;
  }
}

TEST(QuerySyntax, ColumnsCountCharactersNotBytes) {
  const std::optional<QueryProblem> problem = find_syntax_problem("négociation AND");
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->position, 13u);
  EXPECT_NE(problem->message.find("at column 13"), std::string::npos) << problem->message;
}

TEST(QuerySyntax, UnknownFieldsCloseToKnownOnesAreErrorsOtherColonsAreText) {
  struct Case {
    const char* query;
    std::vector<std::string> suggestions;  // empty: not an error
  };
  const Case cases[] = {
      {"nrom:13j", {"norm:"}},             // transposed letters
      {"titel:strategy", {"title:"}},      // one edit from title
      {"instrumnet:nis2-directive", {"instrument:"}},
      {"language:de", {"lang:"}},          // long form of a field
      {"organisation:snv", {"org:"}},
      {"https://www.example.org/page", {}},  // a URL is text
      {"meeting 10:30", {}},               // digits are not a field name
      {"ratio:2", {}},                     // not close to any field
      {"\"nrom:13j\"", {}},                // quoted: searched as text
      {"title:(cyber diplomacy)", {}},     // a free-text field may take a group
      {"norm:\"13j\"", {}},                // a quoted value
      {"cyber AND NOT toolbox", {}},
      {"NOT toolbox", {}},
      {"-norm:13j cyber", {}},
  };
  for (const Case& c : cases) {
    const std::optional<QueryProblem> problem = find_syntax_problem(c.query);
    if (c.suggestions.empty()) {
      EXPECT_FALSE(problem.has_value()) << c.query << ": " << (problem ? problem->message : "");
      continue;
    }
    ASSERT_TRUE(problem.has_value()) << c.query;
    EXPECT_EQ(problem->suggestions, c.suggestions) << c.query;
    EXPECT_EQ(problem->position, 0u);
    EXPECT_TRUE(problem->message.starts_with("unknown field")) << problem->message;
  }
}

TEST(QuerySyntax, EditDistanceCountsTranspositionsAsOne) {
  EXPECT_EQ(edit_distance("nrom", "norm"), 1u);
  EXPECT_EQ(edit_distance("13z", "13a"), 1u);
  EXPECT_EQ(edit_distance("eeas-x", "eeas"), 2u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(closest("13z", {"13k", "13a", "framework", "13b"}, 2, 2), (std::vector<std::string>{"13a", "13b"}));
}

class UnknownTagTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_index(dir_.path(), {
        {.id = "aaaaaaaa01", .title = "Disclosure", .pages = {"Coordinated vulnerability disclosure."},
         .mentions = {corpus::Mention{"norm:13j", 1, 0, 11}, corpus::Mention{"actor:eeas", 1, 0, 11}}},
    });
    {
      // The taxonomy registered in the index: its aliases as synonyms.
      auto writer = index::Writer::open(dir_.path(), index::WriterOptions{});
      ASSERT_TRUE(writer.has_value());
      ASSERT_TRUE(writer->set_synonyms({{"eeas", {"XTactor:eeas"}},
                                        {"13a", {"XTnorm:13a"}},
                                        {"13b", {"XTnorm:13b"}},
                                        {"13c", {"XTnorm:13c"}},
                                        {"eu", {"XTactor:eu"}}}).has_value());
      ASSERT_TRUE(writer->commit().has_value());
    }
    auto searcher = Searcher::open(dir_.path());
    ASSERT_TRUE(searcher.has_value());
    searcher_.emplace(std::move(*searcher));
  }
  testing::TempDir dir_;
  std::optional<Searcher> searcher_;
};

TEST_F(UnknownTagTest, UnknownTagIdsNameTheClosestValidOnes) {
  auto norm = searcher_->search({.query = "cyber norm:13z"});
  ASSERT_FALSE(norm.has_value());
  EXPECT_EQ(norm.error().kind, SearchErrorKind::BadQuery);
  EXPECT_EQ(norm.error().position, 6u);
  EXPECT_EQ(norm.error().token, "norm:13z");
  EXPECT_EQ(norm.error().suggestions, (std::vector<std::string>{"norm:13a", "norm:13b", "norm:13c"}));
  EXPECT_EQ(norm.error().detail,
            "unknown tag 'norm:13z' at column 7 of 'cyber norm:13z'; did you mean norm:13a, norm:13b or norm:13c? "
            "('cydex tags --category norm' lists them)");

  auto actor = searcher_->search({.query = "actor:eeas-x"});
  ASSERT_FALSE(actor.has_value());
  ASSERT_FALSE(actor.error().suggestions.empty());
  EXPECT_EQ(actor.error().suggestions.front(), "actor:eeas");
}

TEST_F(UnknownTagTest, TagsOfTheTaxonomyAreValidWithoutDocuments) {
  // In the registered taxonomy, on no document.
  auto registered = searcher_->search({.query = "norm:13a"});
  ASSERT_TRUE(registered.has_value()) << registered.error().detail;
  EXPECT_EQ(registered->total, 0);
  // On a document, not among the synonyms.
  EXPECT_EQ(searcher_->search({.query = "norm:13j"})->total, 1);
  // Only in the taxonomy file the caller passes.
  EXPECT_FALSE(searcher_->search({.query = "norm:13k"}).has_value());
  auto known = searcher_->search({.query = "norm:13k", .known_tags = {"norm:13k"}});
  ASSERT_TRUE(known.has_value());
  EXPECT_EQ(known->total, 0);
}

TEST_F(UnknownTagTest, MalformedQueriesAreBadQueriesWithPositions) {
  auto result = searcher_->search({.query = "norm:("});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, SearchErrorKind::BadQuery);
  EXPECT_EQ(result.error().position, 0u);
  EXPECT_EQ(result.error().token, "norm:");
  auto field = searcher_->search({.query = "nrom:13j"});
  ASSERT_FALSE(field.has_value());
  EXPECT_EQ(field.error().suggestions, (std::vector<std::string>{"norm:"}));
}

}  // namespace
}  // namespace cydex::search
