//! Constructions of attribution, one test each, on short made-up news text.

use crate::{Meta, Options, Parser, QuoteKind};

/// (content start, kind, cue, speaker) of each quote of `text`.
fn quotes(text: &str) -> Vec<(String, QuoteKind, String, String)> {
    let parser = Parser::new(Options::new().layout(false).times(false).quantities(false));
    let doc = parser.parse(text, &Meta::new()).unwrap();
    doc.quotes
        .iter()
        .map(|q| {
            (
                doc.slice(q.span).chars().take(24).collect(),
                q.kind,
                q.cue.map(|c| doc.slice(c).to_owned()).unwrap_or_default(),
                q.speaker
                    .as_ref()
                    .map(|s| doc.slice(s.span).to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// The speaker of the quote whose content starts with `start`.
fn speaker_of(text: &str, start: &str) -> String {
    let all = quotes(text);
    all.iter()
        .find(|q| q.0.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {all:?}"))
        .3
        .clone()
}

#[test]
fn participle_takes_the_sentence_subject() {
    let text =
        "The mayor wrote a long post on Monday, saying, “We will rebuild the bridge this year.”";
    assert_eq!(speaker_of(text, "“We will"), "The mayor");
}

#[test]
fn participle_after_an_opening_phrase() {
    let text = "Speaking in Denver on Friday, she went on to say: “Nobody will be left behind in this state.”";
    assert_eq!(speaker_of(text, "“Nobody"), "she");
}

#[test]
fn a_cue_without_speaker_on_the_right_leaves_the_left() {
    let text = "On the radio, he said, “I never promised to pay the fees.” Asked if that was true, Smith replied, “Maybe so.”";
    assert_eq!(speaker_of(text, "“I never"), "he");
}

#[test]
fn appositive_speaker_after_the_quote() {
    let text = "“This party is not divided and it will win this fall,” Senator Jeff Sessions, a close adviser to the nominee, told reporters.";
    assert_eq!(speaker_of(text, "“This party"), "Senator Jeff Sessions");
}

#[test]
fn appositive_speaker_before_the_quote() {
    let text = "In a statement to the paper, her senior policy adviser, Jake Sullivan, said: “She values a strong voice in the union.”";
    assert_eq!(speaker_of(text, "“She values"), "Jake Sullivan");
}

#[test]
fn parenthesis_and_comma_before_said() {
    let text = "After the vote, Gov. John Kasich (R-Ohio), said, “We are going all the way to the convention.”";
    assert_eq!(speaker_of(text, "“We are"), "Gov. John Kasich");
}

#[test]
fn according_to_before_a_quote() {
    let text =
        "According to HuffPo: “The senator has had a mixed record on the issue for many years.”";
    assert_eq!(speaker_of(text, "“The senator"), "HuffPo");
}

#[test]
fn a_name_before_a_colon_introduces_the_quote() {
    let text = "The timing does not surprise Republican pollster Daron Shaw: “Lesser-known candidates often get the biggest boost.”";
    assert_eq!(speaker_of(text, "“Lesser-known"), "Daron Shaw");
}

#[test]
fn attribution_in_the_next_paragraph_is_not_this_quotes() {
    let text = "Cruz called them on it:\n\n“The questions asked in this debate illustrate the problem.”\n\nRubio continued:\n\n“You look at the questions tonight and you see it.”";
    assert_eq!(speaker_of(text, "“The questions"), "Cruz");
}

#[test]
fn new_speech_verbs() {
    let text = "“This is fantastic!” beamed Donald Hartley of Madison, Alabama.";
    assert_eq!(speaker_of(text, "“This is"), "Donald Hartley");
}

#[test]
fn lowercase_speaker_nouns() {
    let text = "Campaign aides said the candidate would return to Iowa next week.";
    assert_eq!(speaker_of(text, "the candidate"), "Campaign aides");
    let text = "His spokesman said the senator had no plans to endorse anyone.";
    assert_eq!(speaker_of(text, "the senator"), "His spokesman");
}

#[test]
fn numbers_speak_in_polls() {
    let text = "Among Trump voters, 74 percent said they are set on voting for him, while 22 percent said they might change their mind.";
    let all = quotes(text);
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("they are set") && q.3 == "74 percent"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("they might") && q.3 == "22 percent"),
        "{all:?}"
    );
}

#[test]
fn relative_pronoun_speaks() {
    let text = "Only 23 percent of the voters, who said using a private server was improper, backed the plan.";
    assert_eq!(speaker_of(text, "using a private"), "who");
}

#[test]
fn inverted_said_with_a_title() {
    let text = "The host committee has collected roughly $56.5 million so far, said David Gilbert, its president and chief executive.";
    assert_eq!(speaker_of(text, "The host committee"), "David Gilbert");
}

#[test]
fn said_followed_by_an_adverbial() {
    let text = "His allegiance has shifted from Fiorina to Rubio and now to Cruz, Wilkin said during his speech to the delegates.";
    assert_eq!(speaker_of(text, "His allegiance"), "Wilkin");
}

#[test]
fn a_noun_is_no_cue() {
    let text =
        "He declined to respond to the comment made by the governor about the new budget plan.";
    assert!(
        quotes(text).iter().all(|q| q.2 != "comment"),
        "{:?}",
        quotes(text)
    );
}

#[test]
fn participle_after_a_quote_reports_for_its_speaker() {
    let text = "“You are down to the people you can count,” Buchanan said, noting that the campaign did not lose a single delegate.";
    let all = quotes(text);
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("the campaign") && q.2 == "noting" && q.3 == "Buchanan"),
        "{all:?}"
    );
}

#[test]
fn a_passive_has_no_speaker() {
    let text =
        "In this way, it is expected that both presidents will discuss the conflict in the region.";
    assert!(
        quotes(text).iter().all(|q| q.3 != "it"),
        "{:?}",
        quotes(text)
    );
}

#[test]
fn a_title_in_quote_marks_is_no_statement() {
    let text = "Flynn told “Fox and Friends.” that the plan would work.";
    assert!(
        quotes(text).iter().all(|q| q.1 != QuoteKind::Direct),
        "{:?}",
        quotes(text)
    );
    let text = "He said: “We Will Win This Fight, Whatever It Takes.”";
    assert!(quotes(text).iter().any(|q| q.1 == QuoteKind::Direct));
}

#[test]
fn a_title_after_the_cue_is_no_part_of_the_quote() {
    let text = "“We have a problem,” Flynn said on Fox News’s “Fox and Friends.” “I mean, there is a lot of frustration.”";
    let all = quotes(text);
    let first = all.iter().find(|q| q.0.starts_with("“We have")).unwrap();
    assert_eq!(first.1, QuoteKind::Direct);
    let parts = {
        let parser = Parser::new(Options::new().layout(false));
        let doc = parser.parse(text, &Meta::new()).unwrap();
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.span).starts_with("“We have"))
            .unwrap()
            .parts
            .len()
    };
    assert_eq!(parts, 1, "{all:?}");
}

#[test]
fn a_full_stop_in_a_parenthesis_ends_no_attribution() {
    let text = "Republicans were angry on Friday.\n\n“It is a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.";
    assert_eq!(speaker_of(text, "“It is"), "Rep. Gwen Moore");
}

#[test]
fn the_subject_of_a_sentence_ending_in_a_colon() {
    let text = "President Barack Obama is rolling out a new and more personal campaign message: “It is about me.”";
    assert_eq!(speaker_of(text, "“It is"), "President Barack Obama");
}

#[test]
fn a_belief_reports_a_clause_without_that() {
    let text = "Sanders thinks he can still win the nomination in July.";
    assert_eq!(speaker_of(text, "he can still"), "Sanders");
    let text = "Party leaders fear the race will slip away from them this fall.";
    assert_eq!(speaker_of(text, "the race will"), "Party leaders");
}

#[test]
fn a_belief_inside_another_report_is_not_a_second_one() {
    let text = "Tanner said he thinks the campaign has stayed vague on the details.";
    let all = quotes(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].2, "said");
}

#[test]
fn a_plural_noun_is_no_belief() {
    let text = "Health worries have dogged the candidate since the convention.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
}

#[test]
fn a_sentence_inside_a_long_quote_is_not_reported_speech() {
    let text =
        "He went on: “We lost the vote. I still think she is going to win the state. We will see.”";
    let all = quotes(text);
    assert!(all.iter().all(|q| q.1 != QuoteKind::Indirect), "{all:?}");
}

#[test]
fn a_stance_reports_its_object() {
    let text = "On Tuesday, Ryan endorsed Trump for the nomination.";
    let all = quotes(text);
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("Trump") && q.2 == "endorsed" && q.3 == "Ryan"),
        "{all:?}"
    );
    let text = "The senator criticized the president's foreign policy.";
    assert_eq!(speaker_of(text, "the president's"), "The senator");
}

#[test]
fn a_passive_stance_is_no_attribution() {
    let text = "The plan was criticized by the governor and his aides.";
    assert!(
        quotes(text).iter().all(|q| q.3 != "The plan"),
        "{:?}",
        quotes(text)
    );
}

#[test]
fn an_intention_reports_its_infinitive() {
    let text = "Clinton hopes to compete in Iowa while holding her lead in the South.";
    assert_eq!(speaker_of(text, "to compete"), "Clinton");
    let text = "A campaign spokesman declined to comment.";
    assert_eq!(speaker_of(text, "to comment"), "A campaign spokesman");
}

#[test]
fn expected_to_has_no_speaker() {
    let text = "The central bank is expected to raise rates at its next meeting.";
    let all = quotes(text);
    let q = all
        .iter()
        .find(|q| q.0.starts_with("to raise"))
        .unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(q.2, "is expected");
    assert_eq!(q.3, "");
}

#[test]
fn called_for_reports_the_demand() {
    let text = "Sanders called for a recount of the votes in Nevada.";
    let all = quotes(text);
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("a recount") && q.2 == "called for" && q.3 == "Sanders"),
        "{all:?}"
    );
}

#[test]
fn a_noun_of_speech_reports_its_clause() {
    let text = "Trump's claim that the election was rigged drew a sharp rebuke.";
    let all = quotes(text);
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("the election") && q.2 == "claim" && q.3 == "Trump"),
        "{all:?}"
    );
    let text = "The belief that the deal would collapse by spring spread among investors.";
    assert!(
        quotes(text)
            .iter()
            .any(|q| q.0.starts_with("the deal") && q.2 == "belief"),
        "{:?}",
        quotes(text)
    );
}

#[test]
fn seeming_has_no_speaker() {
    let text = "Enthusiasm for the governor appears to be fading in the state.";
    let all = quotes(text);
    let q = all
        .iter()
        .find(|q| q.0.starts_with("to be fading"))
        .unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!((q.2.as_str(), q.3.as_str()), ("appears", ""));
}

#[test]
fn a_long_appositive_or_but_leaves_the_sentence_subject() {
    let text = "Marlon Marshall, Clinton's director of state campaigns, said the campaign is taking nothing for granted.";
    assert_eq!(speaker_of(text, "the campaign is"), "Marlon Marshall");
    let text =
        "The spokesman refused to answer questions but said there was no call planned with Trump.";
    assert_eq!(speaker_of(text, "there was"), "The spokesman");
}

#[test]
fn the_subject_before_a_phrase_of_the_medium() {
    let text = "Jeb Bush in a Medium post said he would put more conservative judges on the bench.";
    assert_eq!(speaker_of(text, "he would put"), "Jeb Bush");
}

#[test]
fn a_refusal_reports_only_a_refusal_to_speak() {
    let text = "India refused to condemn Russia over the invasion of Ukraine.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    let text = "The White House declined to say whether the president would attend.";
    assert_eq!(speaker_of(text, "to say whether"), "The White House");
}

#[test]
fn a_stance_participle_after_a_comma() {
    let text = "Clinton toured a factory in Ohio, criticizing the trade deals of the last decade.";
    let all = quotes(text);
    assert!(
        all.iter().any(|q| q.0.starts_with("the trade deals")
            && q.2 == "criticizing"
            && q.3 == "Clinton"),
        "{all:?}"
    );
}

#[test]
fn the_question_put_to_a_speaker() {
    let text = "Asked whether he would run again next year, Smith said he had not decided.";
    let all = quotes(text);
    assert!(
        all.iter()
            .any(|q| q.0.starts_with("whether he would") && q.2 == "Asked" && q.3.is_empty()),
        "{all:?}"
    );
    assert_eq!(speaker_of(text, "he had not"), "Smith");
}

/// The parts of each direct quote of `text`, as text.
fn direct_parts(text: &str) -> Vec<Vec<String>> {
    let parser = Parser::new(Options::new().layout(false).times(false).quantities(false));
    let doc = parser.parse(text, &Meta::new()).unwrap();
    doc.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.parts.iter().map(|&p| doc.slice(p).to_owned()).collect())
        .collect()
}

#[test]
fn a_quote_goes_on_after_the_sentence_that_attributes_it() {
    // Curly marks, doubled apostrophes and straight marks; the attribution
    // before or after its verb, with a time or a place after it.
    for (text, first, second) in [
        (
            "“We are refugees,” Ms. Okafor said. “We are not terrorists.”",
            "“We are refugees,”",
            "“We are not terrorists.”",
        ),
        (
            "''The plant will close in May,'' said Tom Reyes, a union steward, on Tuesday. ''Nobody told us before the vote.''",
            "''The plant will close in May,''",
            "''Nobody told us before the vote.''",
        ),
        (
            "\"I know what a good price is,\" the minister told reporters in Lagos. \"This is not one of them.\"",
            "\"I know what a good price is,\"",
            "\"This is not one of them.\"",
        ),
    ] {
        let parts = direct_parts(text);
        assert_eq!(parts, vec![vec![first.to_owned(), second.to_owned()]], "{text}");
    }
}

#[test]
fn a_quote_with_its_own_attribution_is_another() {
    let text = "“We will appeal,” Ms. Ortiz said. “They have no case,” her lawyer added.";
    assert_eq!(direct_parts(text).len(), 2);
    assert_eq!(speaker_of(text, "“They have"), "her lawyer");
    // A sentence of the writer's between the two: the second quote is read on
    // its own.
    let text =
        "“We will appeal,” Ms. Ortiz said. The court meets again in June. “They have no case.”";
    assert_eq!(direct_parts(text).len(), 2);
}

#[test]
fn a_quote_running_into_the_next_paragraph_is_attributed_where_it_ends() {
    let text = "“It is a warning to us all,” Rep. Ann Hall said Friday. “If the river rises again, the town will not cope.\n\n“We have asked for help for years and nothing came,” said Rep. Joe Kim.";
    let parts = direct_parts(text);
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert_eq!(parts[0].len(), 1);
    assert_eq!(speaker_of(text, "“If the river"), "Rep. Joe Kim");
}

#[test]
fn according_to_opening_a_clause_reports_what_follows() {
    for text in [
        "But, according to the survey, most voters remain undecided about the race.",
        "The trend is clear: according to the survey, most voters remain undecided about the race.",
    ] {
        let all = quotes(text);
        let q = all
            .iter()
            .find(|q| q.2 == "according to")
            .unwrap_or_else(|| panic!("no report in {all:?}"));
        assert!(q.0.starts_with("most voters"), "{text}: {all:?}");
        assert_eq!(q.3, "the survey");
    }
}

/// `text` parsed with every stage (entities resolved), with or without syntax.
fn full_parse(text: &str, syntax: bool) -> crate::Document {
    Parser::new(Options::new().syntax(syntax))
        .parse(text, &crate::Meta::new())
        .expect("parse")
}

#[test]
fn first_person_pronouns_in_a_direct_quote_are_its_speaker() {
    for syntax in [false, true] {
        let text = "Police closed the mine on Monday. “I’m proud of my team, and I told them so,” \
                    Maria Lopez said. She said the mine would reopen. He told me I was late, \
                    a neighbour said.";
        let doc = full_parse(text, syntax);
        let lopez = doc
            .entities
            .iter()
            .find(|e| e.name == "Maria Lopez")
            .expect("Maria Lopez");
        let said: Vec<&str> = lopez.pronouns.iter().map(|&p| doc.slice(p)).collect();
        // "I", "my", "I" inside her quote, then "She"; not the "me" and "I"
        // of the neighbour's words, which are no direct quote.
        assert_eq!(said, ["I", "my", "I", "She"], "syntax {syntax}");
    }
}

#[test]
fn a_speaker_noun_is_the_person_its_appositive_names() {
    let text = "The mayor met residents on Monday. Her spokesman, Bill Adams, said the \
                meeting went well.";
    let doc = full_parse(text, true);
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with("the meeting"))
        .expect("the report");
    let who = q.speaker.as_ref().expect("a speaker");
    assert_eq!(doc.slice(who.span), "Her spokesman");
    let e = who.entity.expect("an entity");
    assert_eq!(doc.entities[e].name, "Bill Adams");
}
