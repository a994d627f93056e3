//! In-article canonical speakers (issue 13, part 1): every claim's speaker is the fullest name
//! the article gives that person, titles go to the role, people sharing a surname stay apart
//! and no speaker comes from inside a quotation. All sentences are invented.

use claimex::claim::ClaimRecord;
use claimex::{Article, Pipeline};

fn claims(text: &str) -> Vec<ClaimRecord> {
    Pipeline::default().process(&Article::new("t", text)).claims
}

/// The claim whose quote is `quote`, with all claims shown when there is none.
fn quoted<'a>(claims: &'a [ClaimRecord], quote: &str) -> &'a ClaimRecord {
    claims
        .iter()
        .find(|c| c.quote.text == quote)
        .unwrap_or_else(|| panic!("no claim quoting {quote:?}: {claims:#?}"))
}

#[test]
fn honorific_and_surname_take_the_full_name() {
    let c = claims(
        "Harriet Vance opened the new library in Dunmore on Monday.\n\n\
         Ms Vance said the building would stay open late.",
    );
    let c = quoted(&c, "the building would stay open late");
    assert_eq!(c.speaker.as_deref(), Some("Harriet Vance"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("PER"));
}

#[test]
fn surname_alone_takes_the_full_name_and_its_role() {
    let c = claims(
        "Trade Minister Oskar Lindqvist arrived in Bergen on Tuesday. \
         Lindqvist said the fishing deal was close.",
    );
    let c = quoted(&c, "the fishing deal was close");
    assert_eq!(c.speaker.as_deref(), Some("Oskar Lindqvist"));
    assert_eq!(c.speaker_role.as_deref(), Some("Trade Minister"));
}

#[test]
fn a_firm_named_after_its_partners_is_no_persons_full_name() {
    let c = claims(
        "Paul Hale has advised strongmen for decades. Tom Price was his aide.\n\n\
         In 1995 Hale and Price formed Price Hale. Hale said he was proud of the work.",
    );
    let c = quoted(&c, "he was proud of the work");
    assert_eq!(c.speaker.as_deref(), Some("Paul Hale"), "{c:#?}");
}

#[test]
fn a_plural_before_a_name_is_the_speaker_not_the_name() {
    for (text, speaker) in [
        (
            "Supporters of Mr Pell said the result was rigged.",
            "Supporters of Mr Pell",
        ),
        (
            "Members of the Labour Party said the leader should go.",
            "Members of the Labour Party",
        ),
        (
            "At least a dozen members of Congress told reporters the vote would fail.",
            "At least a dozen members of Congress",
        ),
    ] {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{text}: {c:#?}");
        assert_eq!(c[0].speaker.as_deref(), Some(speaker), "{text}");
        assert_eq!(c[0].speaker_type, None, "{text}");
    }
}

#[test]
fn a_statement_or_letter_speaks_for_its_owner() {
    for (text, speaker) in [
        (
            "Mary Fenn spoke on Monday. Ms Fenn's statement said the plan was flawed.",
            "Mary Fenn",
        ),
        (
            "Mary Fenn spoke on Monday. Her statement said the plan was flawed.",
            "Mary Fenn",
        ),
        (
            "Alan Gray resigned on Friday. His letter said he had lost the confidence of the party.",
            "Alan Gray",
        ),
        (
            "Network Rail apologised on Monday. The company's statement said engineers had \
             worked all night.",
            "Network Rail",
        ),
        (
            "Donald Trump spoke in Ohio. Trump's tweet said the election was rigged.",
            "Donald Trump",
        ),
        (
            "Alan Gray spoke in Leeds. Mr Gray's remarks suggested the plan was dead.",
            "Alan Gray",
        ),
    ] {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{text}: {c:#?}");
        assert_eq!(c[0].speaker.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn a_first_name_alone_takes_the_full_name() {
    let c = claims(
        "Lena Marsh opened her campaign office in Corby on Friday.\n\n\
         Lena said the schools would open next year.",
    );
    let c = quoted(&c, "the schools would open next year");
    assert_eq!(c.speaker.as_deref(), Some("Lena Marsh"));
}

#[test]
fn a_short_first_name_takes_the_longer_spelling_the_article_gives() {
    let c = claims(
        "Ken Molloy praises the harbour plan.\n\n\
         Kenneth Molloy, the former port director, toured the docks on Monday. \
         Molloy said the cranes were too old. Ken Molloy added that the berths were too short.",
    );
    for quote in ["the cranes were too old", "that the berths were too short"] {
        assert_eq!(quoted(&c, quote).speaker.as_deref(), Some("Kenneth Molloy"));
    }
    assert_eq!(
        quoted(&c, "the harbour plan").speaker.as_deref(),
        Some("Kenneth Molloy")
    );
}

#[test]
fn two_longer_spellings_leave_a_short_first_name_as_written() {
    let c = claims(
        "Danielle Okafor and Daniel Okafor run the bakery in Leeds. \
         Dan Okafor said the ovens were new.",
    );
    assert_eq!(
        quoted(&c, "the ovens were new").speaker.as_deref(),
        Some("Dan Okafor")
    );
}

#[test]
fn a_title_after_a_preposition_belongs_to_someone_else() {
    let c = claims("“It is over,” said the former aide to President Mara Quill.");
    assert_eq!(
        quoted(&c, "It is over").speaker.as_deref(),
        Some("former aide to President Mara Quill")
    );
    let c = claims("“It is over,” said a spokesman for House Speaker Mara Quill.");
    assert_eq!(
        quoted(&c, "It is over").speaker.as_deref(),
        Some("spokesman for House Speaker Mara Quill")
    );
    // A title phrase with a preposition of its own still titles the name.
    let c = claims("“It is over,” said Secretary of State Mara Quill.");
    assert_eq!(
        quoted(&c, "It is over").speaker.as_deref(),
        Some("Mara Quill")
    );
}

#[test]
fn a_title_goes_to_the_role_not_the_name() {
    let c = claims("Sen. Ana Ruiz toured the plant. Ruiz said jobs would return.");
    let c = quoted(&c, "jobs would return");
    assert_eq!(c.speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(c.speaker_role.as_deref(), Some("Sen."));
}

#[test]
fn a_headline_speaker_is_the_person_the_text_names_so() {
    let c = claims(
        "Donald Trump Praises Breitbart News Coverage.\n\n\
         Donald Trump praised the coverage on Monday, saying the site was fair.",
    );
    let c = &c[0];
    assert!(c.headline);
    assert_eq!(c.speaker.as_deref(), Some("Donald Trump"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("PER"));
    assert_eq!(c.speaker_id.as_deref(), Some("donald-trump"));
}

#[test]
fn a_title_right_before_one_word_makes_it_a_person() {
    // The tagger reads "Dallas" and "Madison" as places; the titles say they are persons.
    let c = claims(
        "Gov. Dallas toured the farms. The governor said rain was needed.\n\n\
         Pres. Madison spoke in Paris. The president said the talks had failed.",
    );
    let c1 = quoted(&c, "rain was needed");
    assert_eq!(c1.speaker.as_deref(), Some("Dallas"));
    assert_eq!(c1.speaker_type.map(|l| l.as_str()), Some("PER"));
    assert_eq!(
        quoted(&c, "the talks had failed").speaker.as_deref(),
        Some("Madison")
    );
}

#[test]
fn a_name_the_tagger_joined_to_its_office_is_a_person() {
    // The tagger reads "State Condoleezza Rice" and "Exchequer Gordon Brown" as organisations.
    let c = claims(
        "Speaking in Washington, Secretary of State Condoleezza Rice said the fears were \
         ludicrous. She added that Moscow had been kept informed.\n\n\
         Chancellor of the Exchequer Gordon Brown said the economy was strong.\n\n\
         The Bank of New York Mellon said profits rose.",
    );
    for quote in [
        "the fears were ludicrous",
        "that Moscow had been kept informed",
    ] {
        let c1 = quoted(&c, quote);
        assert_eq!(c1.speaker.as_deref(), Some("Condoleezza Rice"));
        assert_eq!(c1.speaker_role.as_deref(), Some("Secretary of State"));
    }
    let c2 = quoted(&c, "the economy was strong");
    assert_eq!(c2.speaker.as_deref(), Some("Gordon Brown"));
    assert_eq!(c2.speaker_type.map(|l| l.as_str()), Some("PER"));
    let c3 = quoted(&c, "profits rose");
    assert_eq!(c3.speaker.as_deref(), Some("Bank of New York Mellon"));
}

#[test]
fn a_name_the_tagger_joined_to_its_party_and_role_is_a_person() {
    // The tagger reads "Labour MP Wes Streeting" as one organisation.
    let c = claims(
        "Labour MP Wes Streeting said ministers had run out of excuses. The Labour MP told \
         the BBC that patients were paying the price.",
    );
    for quote in [
        "ministers had run out of excuses",
        "that patients were paying the price",
    ] {
        let c1 = quoted(&c, quote);
        assert_eq!(c1.speaker.as_deref(), Some("Wes Streeting"));
        assert_eq!(c1.speaker_role.as_deref(), Some("Labour MP"));
        assert_eq!(c1.speaker_type.map(|l| l.as_str()), Some("PER"));
    }
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_is_that_speaker() {
    let c = claims(
        "A police spokesman said the road would stay closed. \"We are asking drivers to \
         avoid the area,\" he said.\n\n\
         Analysts said the figures were weak. They added that a recession was likely.\n\n\
         A council spokesman said the bridge was safe. \"It is awful,\" she said.",
    );
    let c1 = quoted(&c, "We are asking drivers to avoid the area");
    assert_eq!(c1.speaker.as_deref(), Some("police spokesman"));
    assert_eq!(
        c1.speaker_id,
        quoted(&c, "the road would stay closed").speaker_id
    );
    let c2 = quoted(&c, "that a recession was likely");
    assert_eq!(c2.speaker.as_deref(), Some("Analysts"));
    // "she" does not agree with a spokesman.
    assert_eq!(quoted(&c, "It is awful").speaker, None);
}

#[test]
fn a_pronoun_right_after_an_unnamed_speaker_is_not_a_person_named_before() {
    let c = claims(
        "Economist Roger Bootle said the decision was widely expected.\n\n\
         A Treasury spokesman said the government welcomed the move. \"Stability is what \
         businesses need,\" he added.\n\n\
         Michael Howard accused the government of neglect. The prime minister's official \
         spokesman rejected the claim. \"The facts speak for themselves,\" he said.",
    );
    let c1 = quoted(&c, "Stability is what businesses need");
    assert_eq!(c1.speaker.as_deref(), Some("Treasury spokesman"));
    let c2 = quoted(&c, "The facts speak for themselves");
    assert_eq!(
        c2.speaker.as_deref(),
        Some("prime minister's official spokesman")
    );
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_keeps_a_person_named_in_between() {
    let c = claims(
        "A Treasury spokesman said the government welcomed the move. Economist Roger \
         Bootle disagreed. \"Rates should have fallen,\" he said.\n\n\
         Dana Pell opened the clinic on Monday. The chief nurse said the wards were full. \
         \"We need more staff,\" she said.",
    );
    let c1 = quoted(&c, "Rates should have fallen");
    assert_eq!(c1.speaker.as_deref(), Some("Roger Bootle"));
    // "The chief nurse" stands for someone named before, not for an unnamed person.
    let c2 = quoted(&c, "We need more staff");
    assert_ne!(c2.speaker.as_deref(), Some("chief nurse"));
}

#[test]
fn a_role_nominal_is_not_the_holder_of_another_office() {
    let c = claims(
        "President Mara Quill toured the port of Dunmore on Monday with Vice President Tom \
         Reyes.\n\n\
         Reyes said the harbour had recovered. The president said the recovery was far from \
         over. The vice president said more ships would come.\n\n\
         Chancellor Alan Pryce cut fuel duty on Wednesday. Shadow chancellor Oliver Vance said \
         the figures did not add up. The chancellor said borrowing would fall.",
    );
    let speaker = |quote| quoted(&c, quote).speaker.as_deref();
    assert_eq!(
        speaker("the recovery was far from over"),
        Some("Mara Quill")
    );
    assert_eq!(speaker("more ships would come"), Some("Tom Reyes"));
    assert_eq!(speaker("borrowing would fall"), Some("Alan Pryce"));
}

#[test]
fn a_courtesy_title_stays_out_of_the_role() {
    let c = claims(
        "Rowan Stores said sales rose in December.\n\n\
         \u{201c}We are delighted,\u{201d} said chief executive Sir Alan Pryce.",
    );
    let c = quoted(&c, "We are delighted");
    assert_eq!(c.speaker.as_deref(), Some("Alan Pryce"));
    assert_eq!(c.speaker_role.as_deref(), Some("chief executive"));
}

#[test]
fn a_role_does_not_open_with_a_possessive() {
    let c = claims(
        "The Harbour Board met on Monday. Its spokesman, Edwin Marsh, said the fees would rise.",
    );
    let c = quoted(&c, "the fees would rise");
    assert_eq!(c.speaker.as_deref(), Some("Edwin Marsh"));
    assert_eq!(c.speaker_role.as_deref(), Some("spokesman"));
}

#[test]
fn a_role_starts_after_a_sentence_connective() {
    let c = claims(
        "Ministers met in Dunmore on Monday. \
         But Home Secretary Edwin Marsh said the fees would rise.",
    );
    let c = quoted(&c, "the fees would rise");
    assert_eq!(c.speaker.as_deref(), Some("Edwin Marsh"));
    assert_eq!(c.speaker_role.as_deref(), Some("Home Secretary"));
}

#[test]
fn a_role_in_apposition_after_the_name_is_the_role() {
    let c = claims(
        "Rents doubled in Dunmore last year. \
         Edwin Marsh, chief executive of the Harbour Traders Association, said the fees would rise.",
    );
    let c = quoted(&c, "the fees would rise");
    assert_eq!(c.speaker.as_deref(), Some("Edwin Marsh"));
    assert_eq!(
        c.speaker_role.as_deref(),
        Some("chief executive of the Harbour Traders Association")
    );
}

#[test]
fn a_description_in_apposition_before_the_name_is_the_role() {
    let c = claims(
        "The chief constable of Dunmore Police, Edwin Marsh, has resigned.\n\n\
         Mr Marsh said he had decided to step down.",
    );
    let c = quoted(&c, "he had decided to step down");
    assert_eq!(c.speaker.as_deref(), Some("Edwin Marsh"));
    assert_eq!(
        c.speaker_role.as_deref(),
        Some("chief constable of Dunmore Police")
    );
}

#[test]
fn someone_s_spokesman_is_not_another_person_with_a_role() {
    let c = claims(
        "Home Secretary Edwin Marsh visited Dunmore on Monday. \
         The prime minister's official spokesman said the fees would rise.",
    );
    let c = quoted(&c, "the fees would rise");
    assert_eq!(
        c.speaker.as_deref(),
        Some("prime minister's official spokesman")
    );
    assert_eq!(c.speaker_type, None);
}

#[test]
fn a_surname_that_is_also_a_role_word_names_the_person() {
    let c = claims(
        "Rowan Stores reported lower profits. Chief executive Justin King said the firm was on track.\n\n\
         Mr King said the recovery would take two years.",
    );
    for quote in ["the firm was on track", "the recovery would take two years"] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some("Justin King"), "{quote}");
        assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("PER"));
    }
}

#[test]
fn a_nominal_headed_by_an_organisation_noun_takes_the_organisation() {
    let c = claims(
        "The Halifax Building Society said house prices rose. The firm said demand was strong.",
    );
    let c = quoted(&c, "demand was strong");
    assert_eq!(c.speaker.as_deref(), Some("Halifax Building Society"));
}

#[test]
fn a_person_after_a_role_word_heads_the_phrase() {
    let c = claims(
        "Nora Quill toured the harbour on Monday. \
         Quill spokesman Edwin Marsh said the visit had gone well. He said more would follow.",
    );
    for quote in ["the visit had gone well", "more would follow"] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some("Edwin Marsh"), "{quote}");
    }
}

#[test]
fn a_spokesman_for_someone_is_the_spokesman() {
    let c = claims(
        "Nora Quill toured the harbour on Monday. \
         A spokesman for Ms. Quill said the visit had gone well.",
    );
    let c = quoted(&c, "the visit had gone well");
    assert_eq!(c.speaker.as_deref(), Some("spokesman for Ms. Quill"));
    assert_eq!(c.speaker_type, None);
}

#[test]
fn an_acronym_takes_the_full_name_of_the_organisation_it_abbreviates() {
    let c = claims(
        "The Harbour Traders Association (HTA) met in Dunmore on Monday.\n\n\
         The HTA said rents had doubled.",
    );
    let c = quoted(&c, "rents had doubled");
    assert_eq!(c.speaker.as_deref(), Some("Harbour Traders Association"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"));
}

#[test]
fn an_acronym_takes_the_full_name_the_tagger_calls_miscellaneous() {
    // The tagger calls "Black Lives Matter" MISC and "BLM" ORG.
    let c = claims(
        "Members of Black Lives Matter marched through the city centre on Saturday.\n\n\
         BLM said the protest had been peaceful.",
    );
    let c = quoted(&c, "the protest had been peaceful");
    assert_eq!(c.speaker.as_deref(), Some("Black Lives Matter"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"));
}

#[test]
fn a_role_keeps_its_possessor() {
    let c = claims(
        "Police raided the wrong house in Dunmore.\n\n\
         The family's lawyer, Priya Shah, said they had been left traumatised.",
    );
    let c = quoted(&c, "they had been left traumatised");
    assert_eq!(c.speaker.as_deref(), Some("Priya Shah"));
    assert_eq!(c.speaker_role.as_deref(), Some("family's lawyer"));
}

#[test]
fn a_role_after_of_starts_past_it() {
    let c = claims(
        "Voters in Dunmore cheered the endorsement of Gov. Alma Pierce.\n\n\
         Pierce said the county would decide the race.",
    );
    let c = quoted(&c, "the county would decide the race");
    assert_eq!(c.speaker.as_deref(), Some("Alma Pierce"));
    assert_eq!(c.speaker_role.as_deref(), Some("Gov."));
}

#[test]
fn a_person_before_an_apposition_comma_is_no_role() {
    let c = claims(
        "Voters who crave the anger of Senator Ted Cruz, Mr. Bush's family values seem dull.\n\n\
         Mr. Bush said he would stay in the race.",
    );
    let c = quoted(&c, "he would stay in the race");
    assert_eq!(c.speaker_role, None);
}

#[test]
fn a_role_keeps_the_adjectives_that_news_puts_in_roles() {
    let c = claims(
        "Republican presidential candidate Alma Pierce toured Dunmore on Monday.\n\n\
         Pierce said the county would decide.",
    );
    let c = quoted(&c, "the county would decide");
    assert_eq!(c.speaker.as_deref(), Some("Alma Pierce"));
    assert_eq!(
        c.speaker_role.as_deref(),
        Some("Republican presidential candidate")
    );
}

#[test]
fn a_nominal_after_an_unnamed_source_with_its_head_is_that_source() {
    let c = claims(
        "Prime Minister Alma Pierce will meet the unions, the prime minister's spokesman said.\n\n\
         \"She disagrees with the strike,\" the spokesman said.",
    );
    let c = quoted(&c, "She disagrees with the strike");
    assert_eq!(c.speaker.as_deref(), Some("prime minister's spokesman"));
    assert_eq!(c.speaker_type, None);
}

#[test]
fn an_apposition_gives_a_role_past_its_modifiers() {
    let c = claims(
        "Hana Okoro, the globe-trotting secretary general of the Harbour League, toured \
         Dunmore.\n\n\
         Okoro said the port would reopen.\n\n\
         Piet Vos, through a spokeswoman, said he would stay.",
    );
    let okoro = quoted(&c, "the port would reopen");
    assert_eq!(okoro.speaker.as_deref(), Some("Hana Okoro"));
    assert_eq!(
        okoro.speaker_role.as_deref(),
        Some("globe-trotting secretary general of the Harbour League")
    );
    // A preposition is no modifier: "through a spokeswoman" is no role.
    assert_eq!(quoted(&c, "he would stay").speaker_role, None);
}

#[test]
fn a_description_before_a_titled_name_is_its_role() {
    let c = claims(
        "NHS Dunmore's medical director, Sir Alan Pike, said staff were working flat out.\n\n\
         Labour's shadow health secretary, Wes Harrow, said patients were paying the price.\n\n\
         And the council's finance chief, Ruth Bell, said the budget was tight.",
    );
    let pike = quoted(&c, "staff were working flat out");
    assert_eq!(pike.speaker.as_deref(), Some("Alan Pike"));
    assert_eq!(
        pike.speaker_role.as_deref(),
        Some("NHS Dunmore's medical director")
    );
    let harrow = quoted(&c, "patients were paying the price");
    assert_eq!(
        harrow.speaker_role.as_deref(),
        Some("Labour's shadow health secretary")
    );
    let bell = quoted(&c, "the budget was tight");
    assert_eq!(
        bell.speaker_role.as_deref(),
        Some("council's finance chief")
    );
}

#[test]
fn a_role_mention_takes_the_person_in_apposition_after_it() {
    let c = claims("Italian FM, Antonio Tajani, said the talks were useful.");
    let c = quoted(&c, "the talks were useful");
    assert_eq!(c.speaker.as_deref(), Some("Antonio Tajani"));
    assert_eq!(c.speaker_role.as_deref(), Some("Italian FM"));
}

#[test]
fn a_role_premodifier_goes_to_the_role_not_the_name() {
    let c = claims("Port authority director general Mira Castell said the docks would reopen.");
    let c = quoted(&c, "the docks would reopen");
    assert_eq!(c.speaker.as_deref(), Some("Mira Castell"));
    assert_eq!(
        c.speaker_role.as_deref(),
        Some("Port authority director general")
    );
}

#[test]
fn people_sharing_a_surname_are_not_merged() {
    let c = claims(
        "Peter Okafor said the council had wasted money.\n\n\
         His cousin Daniel Okafor said the council had done well.\n\n\
         Mr Okafor said the vote should be held again.",
    );
    let peter = quoted(&c, "the council had wasted money");
    let daniel = quoted(&c, "the council had done well");
    assert_eq!(peter.speaker.as_deref(), Some("Peter Okafor"));
    assert_eq!(daniel.speaker.as_deref(), Some("Daniel Okafor"));
    // The surname right after Daniel's sentence is his.
    let again = quoted(&c, "the vote should be held again");
    assert_eq!(again.speaker.as_deref(), Some("Daniel Okafor"));
}

#[test]
fn a_surname_shared_by_two_people_introduced_together_stays_as_written() {
    let c = claims(
        "Peter Okafor and Daniel Okafor both spoke.\n\n\
         The hall was full and the debate ran late into the night.\n\n\
         Mr Okafor said the vote should be held again.",
    );
    let c = quoted(&c, "the vote should be held again");
    assert_eq!(c.speaker.as_deref(), Some("Mr Okafor"));
}

#[test]
fn the_person_named_most_often_owns_a_shared_surname() {
    let c = claims(
        "Lena Marsh launched her campaign in Corby. Lena Marsh promised new schools.\n\n\
         Her brother Tom Marsh runs a bakery in the town.\n\n\
         The crowd cheered for a long time. Later that evening, the hall emptied.\n\n\
         Marsh said the schools would open next year.",
    );
    let c = quoted(&c, "the schools would open next year");
    assert_eq!(c.speaker.as_deref(), Some("Lena Marsh"));
}

#[test]
fn no_speaker_from_inside_a_quotation() {
    for c in claims("\"Hello,\" he said.") {
        assert_ne!(c.speaker.as_deref(), Some("Hello"), "{c:#?}");
    }
    let c = claims("Ana Ruiz walked into the hall.\n\n\"Good morning, Tomas Berg,\" she said.");
    let c = quoted(&c, "Good morning, Tomas Berg");
    assert_eq!(c.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_full_name_only_inside_a_quotation_completes_a_lone_surname() {
    let c = claims(
        "\"We sent Anna Patel home early because the night shift ran long,\" the manager \
         said.\n\n\
         Ms Patel said the shift had been too long.",
    );
    let c = quoted(&c, "the shift had been too long");
    assert_eq!(c.speaker.as_deref(), Some("Anna Patel"));
}

#[test]
fn a_namesake_named_inside_a_quotation_loses_to_one_named_outside() {
    let c = claims(
        "\"I have never once met Peter Okafor in my life,\" Daniel Okafor told the meeting.\n\n\
         The meeting ran late. Several residents left early.\n\n\
         Mr Okafor said the vote should be held again.",
    );
    let c = quoted(&c, "the vote should be held again");
    assert_eq!(c.speaker.as_deref(), Some("Daniel Okafor"));
}

/// A quotation of little more than a name is a title (a book, a show, a chant), not speech.
#[test]
fn a_quoted_title_lends_no_full_name() {
    let c = claims(
        "Her memoir, \"Lena Marsh\", sold well.\n\n\
         Marsh said the schools would open next year.",
    );
    let c = quoted(&c, "the schools would open next year");
    assert_eq!(c.speaker.as_deref(), Some("Marsh"));
}

#[test]
fn a_shared_surname_named_equally_often_goes_to_the_person_named_first() {
    let c = claims(
        "Lena Marsh opened her campaign office in Corby on Friday.\n\n\
         The crowd was large. Her brother Tom Marsh runs a bakery in the town.\n\n\
         The hall emptied late in the evening. Volunteers stacked the chairs.\n\n\
         Marsh said the schools would open next year.",
    );
    let c = quoted(&c, "the schools would open next year");
    assert_eq!(c.speaker.as_deref(), Some("Lena Marsh"));
}

#[test]
fn an_organisation_keeps_its_of_phrase() {
    let c = claims(
        "A survey by the Coastal Policy Institute of Northland found that most fishermen \
         backed the plan.",
    );
    let c = quoted(&c, "that most fishermen backed the plan");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Coastal Policy Institute of Northland")
    );
}

#[test]
fn a_middle_name_variant_is_the_same_person_and_the_father_keeps_the_plain_name() {
    let c = claims(
        "Senator John Robert Hayes visited the factory with his son, John Hayes Jr., on \
         Friday.\n\n\
         John Hayes said the plant would hire again.\n\n\
         Mr. Hayes said wages would rise.",
    );
    for quote in ["the plant would hire again", "wages would rise"] {
        assert_eq!(
            quoted(&c, quote).speaker.as_deref(),
            Some("John Robert Hayes")
        );
    }
}

#[test]
fn a_pronoun_agrees_with_the_gender_the_article_marks() {
    let c = claims(
        "Mrs. Dana Pell met the council on Monday. Tobias Quill, the harbour master, joined \
         the meeting later.\n\nShe said the ferry would run all winter.",
    );
    let c = quoted(&c, "the ferry would run all winter");
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
}

#[test]
fn a_gendered_role_marks_the_person_for_pronouns() {
    let c = claims(
        "Council spokeswoman Mira Castell visited the dam. Engineer Piet Olsen walked along the \
         wall.\n\nShe said repairs would start in May.",
    );
    let c = quoted(&c, "repairs would start in May");
    assert_eq!(c.speaker.as_deref(), Some("Mira Castell"));
}

#[test]
fn a_role_nominal_takes_the_one_person_the_article_gives_that_role() {
    let c = claims(
        "Transport Minister Oskar Lindqvist opened the bridge on Friday. Mayor Dana Pell \
         cut the ribbon.\n\nThe minister said tolls would end next year.",
    );
    let c = quoted(&c, "tolls would end next year");
    assert_eq!(c.speaker.as_deref(), Some("Oskar Lindqvist"));
}

#[test]
fn a_role_in_a_post_modifier_is_not_the_speaker() {
    for mention in ["Sources close to the minister", "Aides to the minister"] {
        let c = claims(&format!(
            "Transport Minister Oskar Lindqvist opened the bridge on Friday.\n\n\
             {mention} said tolls would end next year."
        ));
        let c = quoted(&c, "tolls would end next year");
        assert_eq!(c.speaker.as_deref(), Some(mention));
    }
}

#[test]
fn a_person_apposed_behind_a_title_is_the_speaker() {
    let c = claims(
        "The fishing league met in Bergen. Its president, Sheikh Ahmad al-Rashid, told \
         reporters that quotas would rise.",
    );
    let c = quoted(&c, "that quotas would rise");
    assert_eq!(c.speaker.as_deref(), Some("Ahmad al-Rashid"));
}

#[test]
fn a_role_nominal_two_people_share_is_not_guessed() {
    let c = claims(
        "Transport Minister Oskar Lindqvist met Finance Minister Hedda Moe on Friday.\n\n\
         The minister said tolls would end next year.",
    );
    let c = quoted(&c, "tolls would end next year");
    assert_ne!(c.speaker.as_deref(), Some("Oskar Lindqvist"));
    assert_ne!(c.speaker.as_deref(), Some("Hedda Moe"));
}

#[test]
fn the_seed_speakers_keep_one_id_across_articles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut ids: std::collections::BTreeMap<&str, std::collections::BTreeSet<String>> =
        Default::default();
    let mut articles: std::collections::BTreeMap<&str, usize> = Default::default();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let claims = Pipeline::default().process(&Article::new(id, text)).claims;
        for person in ["Wang Yi", "Sergey Lavrov", "Vladimir Putin"] {
            let theirs: Vec<&ClaimRecord> = claims
                .iter()
                .filter(|c| c.speaker.as_deref() == Some(person))
                .collect();
            *articles.entry(person).or_default() += !theirs.is_empty() as usize;
            ids.entry(person)
                .or_default()
                .extend(theirs.iter().filter_map(|c| c.speaker_id.clone()));
        }
    }
    for (person, found) in &ids {
        assert_eq!(found.len(), 1, "{person}: {found:?}");
        assert!(articles[person] >= 2, "{person} speaks in several articles");
    }
}

#[test]
fn an_unresolved_nominal_stays_a_description_of_its_article() {
    let c = claims("The minister said tolls would end next year.");
    let c = quoted(&c, "tolls would end next year");
    assert_eq!(c.speaker.as_deref(), Some("minister"));
    assert_eq!(c.speaker_type, None, "no entity type: a description");
    assert_eq!(c.speaker_id.as_deref(), Some("desc:t:minister"));
}

/// Rule "it": the first organisation or place of the pronoun's sentence.
#[test]
fn it_takes_the_organisation_that_opens_its_sentence() {
    let c = claims(
        "Lars Berg flew to Oslo on Monday. Norwind Energy has grown fast in Sweden, \
         although it said profits would fall this year.",
    );
    let c = quoted(&c, "profits would fall this year");
    assert_eq!(c.speaker.as_deref(), Some("Norwind Energy"));
}

#[test]
fn a_possessive_phrase_is_not_its_possessor() {
    let c =
        claims("Tobias Quill ran the harbour for years.\n\nHis wife said the harbour would close.");
    let c = quoted(&c, "the harbour would close");
    assert_ne!(c.speaker.as_deref(), Some("Tobias Quill"));
}

#[test]
fn a_definite_organisation_noun_takes_the_organisation_named_before() {
    let c = claims(
        "Shares of Norwind Energy rose on Tuesday after a strong quarter.\n\n\
         The company said profits would double next year.",
    );
    let c = quoted(&c, "profits would double next year");
    assert_eq!(c.speaker.as_deref(), Some("Norwind Energy"));
}

#[test]
fn a_body_named_after_a_person_takes_the_nominal() {
    let c = claims(
        "Senator Harriet Vance toured Dunmore on Monday, and Vance’s campaign bought new ads.\n\n\
         The campaign said the ads would run until the vote.",
    );
    let c = quoted(&c, "the ads would run until the vote");
    assert_eq!(c.speaker.as_deref(), Some("Harriet Vance campaign"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"));
}

#[test]
fn a_body_named_inside_a_description_is_that_body() {
    let c = claims(
        "Senator Harriet Vance toured Dunmore on Monday.\n\n\
         A statement issued by the Vance campaign said the ads would run until the vote.",
    );
    let c = quoted(&c, "the ads would run until the vote");
    assert_eq!(c.speaker.as_deref(), Some("Harriet Vance campaign"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"));
}

#[test]
fn a_body_is_never_he_or_she() {
    let c = claims(
        "Harriet Vance toured Dunmore on Monday, and Vance’s campaign bought new ads.\n\n\
         She said the ads would run until the vote.",
    );
    let c = quoted(&c, "the ads would run until the vote");
    assert_eq!(c.speaker.as_deref(), Some("Harriet Vance"));
}

#[test]
fn a_nominal_whose_head_is_in_a_name_takes_that_name() {
    let c = claims(
        "The Dunmore High Court heard the case of Norwind Energy on Tuesday.\n\n\
         The court said a ruling would follow in May.",
    );
    let c = quoted(&c, "a ruling would follow in May");
    assert_eq!(c.speaker.as_deref(), Some("Dunmore High Court"));
}

#[test]
fn i_in_an_opinion_piece_is_the_author_its_bio_line_names() {
    let c = claims(
        "Why the tax plan will fail\n\n\
         Voters have had enough of promises. I believe the tax plan will fail.\n\n\
         Marta Ellison is a columnist for the Dunmore Herald.",
    );
    let c = quoted(&c, "the tax plan will fail");
    assert_eq!(c.speaker.as_deref(), Some("Marta Ellison"));
}

#[test]
fn a_bio_line_may_describe_the_author_by_surname() {
    let text = |closing: &str| {
        format!(
            "Why the tax plan will fail\n\n\
             Voters have had enough of promises. I believe the tax plan will fail.\n\n{closing}"
        )
    };
    let c = claims(&text("Ellison is a columnist for the Dunmore Herald."));
    let c = quoted(&c, "the tax plan will fail");
    assert_eq!(c.speaker.as_deref(), Some("Ellison"));
    // A surname opening a closing sentence that describes no one is not the writer.
    let c = claims(&text("Ellison is expected to speak on Friday."));
    let c = quoted(&c, "the tax plan will fail");
    assert_ne!(c.speaker.as_deref(), Some("Ellison"));
}

#[test]
fn both_stands_for_the_two_persons_named_last() {
    let c = claims(
        "Lena Marsh won the first vote in Corby. Tom Vance came second, a point behind.\n\n\
         Both candidates said the count had been fair.",
    );
    let c = quoted(&c, "the count had been fair");
    assert_eq!(c.speaker.as_deref(), Some("Lena Marsh and Tom Vance"));
}

#[test]
fn a_closing_line_that_is_no_bio_names_no_author() {
    let c = claims(
        "Why the tax plan will fail\n\n\
         Voters have had enough of promises. I believe the tax plan will fail.\n\n\
         Marta Ellison and the mayor met on Monday.",
    );
    let c = quoted(&c, "the tax plan will fail");
    assert_ne!(c.speaker.as_deref(), Some("Marta Ellison"));
}

#[test]
fn a_sentence_opening_with_she_marks_the_one_person_named_before_it() {
    let c = claims(
        "Quorin Venn runs the harbour board in Dunmore.\n\n\
         Tavi Dorr joined the board last year. She has pushed for new cranes.\n\n\
         The cranes will arrive in May, he said.",
    );
    let c = quoted(&c, "The cranes will arrive in May");
    assert_eq!(c.speaker.as_deref(), Some("Quorin Venn"));
}

#[test]
fn a_possessive_before_a_body_noun_is_the_possessor_s_body() {
    let c = claims(
        "Senator Odile Brandt toured three farms in Iowa on Monday.\n\n\
         Her campaign said the tour would go on next week.",
    );
    let c = quoted(&c, "the tour would go on next week");
    assert_eq!(c.speaker.as_deref(), Some("Odile Brandt campaign"));
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"));
}

#[test]
fn a_role_nominal_after_a_named_subject_is_that_person() {
    let c = claims(
        "Texas Sen. Walt Hoskins says the new rules are not worth the paper they are written \
         on. During a campaign stop in Iowa, the Republican presidential candidate said he \
         would repeal them.",
    );
    let c = quoted(&c, "he would repeal them");
    assert_eq!(c.speaker.as_deref(), Some("Walt Hoskins"));
}

#[test]
fn a_pronoun_subject_ends_at_the_pronoun() {
    let c = claims(
        "Mara Quill has led the union since 2010. She soon said the strike would end on \
         Friday.",
    );
    let c = quoted(&c, "the strike would end on Friday");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill"));
    assert_eq!(
        c.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("She")
    );
}

#[test]
fn the_two_after_a_named_pair_is_the_pair() {
    let text = "Senators Harriet Vance and Oskar Lindqvist wrote to the agency on Monday. \
                The two said the rules were unfair to farmers.";
    let all = claims(text);
    let c = quoted(&all, "the rules were unfair to farmers");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Harriet Vance and Oskar Lindqvist")
    );
}

#[test]
fn a_person_noun_nominal_is_the_person_named_before() {
    let text = "Property developer Marcus Hale toured the site in Leeds on Monday. \
                The businessman said the project would create 300 jobs.";
    let all = claims(text);
    let c = quoted(&all, "the project would create 300 jobs");
    assert_eq!(c.speaker.as_deref(), Some("Marcus Hale"));
}

#[test]
fn a_role_nominal_is_headed_before_its_prepositional_phrase() {
    let text = "Harriet Vance ran the Dunmore port authority for a decade. \
                The former director of the authority said the cranes were too old.";
    let all = claims(text);
    let c = quoted(&all, "the cranes were too old");
    assert_eq!(c.speaker.as_deref(), Some("Harriet Vance"));
    // A role written as an acronym heads the phrase too.
    let text = "Oskar Lindqvist ran Nordhavn Shipping for a decade. \
                The former CEO of Nordhavn Shipping said the fleet was too old.";
    let all = claims(text);
    let c = quoted(&all, "the fleet was too old");
    assert_eq!(c.speaker.as_deref(), Some("Oskar Lindqvist"));
}

#[test]
fn a_body_with_a_named_owner_is_no_anaphor() {
    let text = "Harriet Vance toured the port on Monday. \
                The government of Norway said the cranes were too old.";
    let all = claims(text);
    let c = quoted(&all, "the cranes were too old");
    assert_eq!(c.speaker.as_deref(), Some("government of Norway"));
}

#[test]
fn a_relative_pronoun_after_a_place_phrase_is_the_person() {
    let text =
        "The plan was backed by Sen. Harriet Vance of Dunmore, who said it was long overdue.";
    let all = claims(text);
    let c = quoted(&all, "it was long overdue");
    assert_eq!(c.speaker.as_deref(), Some("Harriet Vance"));
}

#[test]
fn a_quantified_relative_pronoun_is_the_list_before_it() {
    let text = "Corker teamed up with Sens. Harriet Vance (D-Md.), Oskar Lindqvist (D-W.Va.) \
                and Lena Marsh (R-Fla.), all of whom said the deal was a mistake.";
    let all = claims(text);
    let c = quoted(&all, "the deal was a mistake");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Harriet Vance and Oskar Lindqvist and Lena Marsh")
    );
    let text = "He consulted Attorney General Mark Herring and scholar Dick Howard at the \
                University of Virginia, both of whom said the order was legal.";
    let all = claims(text);
    let c = quoted(&all, "the order was legal");
    assert_eq!(c.speaker.as_deref(), Some("Mark Herring and Dick Howard"));
    // "one of whom" is one of them, not all: the mention stays a description.
    let text = "He met Mark Herring and Dick Howard, one of whom said the order was legal.";
    let all = claims(text);
    let c = quoted(&all, "the order was legal");
    assert_eq!(c.speaker_type, None);
}

#[test]
fn a_relative_pronoun_after_a_common_noun_is_that_group() {
    let text = "The plan was criticised by environmental campaigners, who said it would harm \
                wildlife.";
    let all = claims(text);
    let c = quoted(&all, "it would harm wildlife");
    assert_eq!(c.speaker.as_deref(), Some("environmental campaigners"));
    assert_eq!(c.speaker_type, None);
    // A verb or adverb before the noun is no part of the group.
    let text = "The president passionately rebuked critics, who said the plan was weak.";
    let all = claims(text);
    let c = quoted(&all, "the plan was weak");
    assert_eq!(c.speaker.as_deref(), Some("critics"));
}

#[test]
fn a_relative_pronoun_after_a_party_is_no_named_speaker() {
    let text = "The bill angered Republicans, who said it would raise taxes on farmers.";
    let all = claims(text);
    let c = quoted(&all, "it would raise taxes on farmers");
    assert_eq!(c.speaker, None);
}

#[test]
fn they_after_a_list_of_three_persons_is_the_list() {
    let text =
        "Harriet Vance, Oskar Lindqvist and Lena Marsh met the farmers in Dunmore on Monday. \
                They said the new rules would hurt small farms.";
    let all = claims(text);
    let c = quoted(&all, "the new rules would hurt small farms");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Harriet Vance and Oskar Lindqvist and Lena Marsh")
    );
}

#[test]
fn coordinated_speakers_take_the_plural_role_before_them() {
    let c = claims(
        "Labour MPs Frank Dobson and Kate Hoey said the plan would fail. Farmers like Tom \
         Burton and Nick Vance said it would work.",
    );
    let mps = quoted(&c, "the plan would fail");
    assert_eq!(mps.speaker.as_deref(), Some("Frank Dobson and Kate Hoey"));
    assert_eq!(mps.speaker_role.as_deref(), Some("Labour MPs"));
    // "farmers like" is no role of theirs.
    let farmers = quoted(&c, "it would work");
    assert_eq!(farmers.speaker_role, None);
}

#[test]
fn a_body_named_after_a_person_is_that_person_s_body() {
    let c = claims(
        "Hillary Clinton spoke in Ohio on Monday. Bernie Sanders held a rally in Vermont.\n\n\
         The Clinton campaign said the rally was a success.\n\n\
         Sanders’ campaign said it had raised $5 million.",
    );
    let first = quoted(&c, "the rally was a success");
    assert_eq!(first.speaker.as_deref(), Some("Hillary Clinton campaign"));
    assert_eq!(first.speaker_type.map(|l| l.as_str()), Some("ORG"));
    let second = quoted(&c, "it had raised $5 million");
    assert_eq!(second.speaker.as_deref(), Some("Bernie Sanders campaign"));
    assert_eq!(
        second.speaker_id.as_deref(),
        Some("bernie-sanders-campaign")
    );
}

#[test]
fn people_in_a_named_body_are_no_body() {
    let c = claims(
        "Barack Obama met the governors on Monday.\n\n\
         Others in the Obama administration said the plan was late.",
    );
    let c = quoted(&c, "the plan was late");
    assert_ne!(c.speaker_type.map(|l| l.as_str()), Some("ORG"));
}

#[test]
fn a_courtesy_title_never_takes_a_namesake_of_the_other_gender() {
    let c = claims(
        "Hillary Clinton and Bill Clinton arrived in Iowa on Monday. Bill Clinton spoke first.\n\n\
         Mrs. Clinton said the economy came first.",
    );
    let c = quoted(&c, "the economy came first");
    assert_eq!(c.speaker.as_deref(), Some("Hillary Clinton"));
}

#[test]
fn a_plural_nominal_is_never_one_person_whose_role_it_shares() {
    let c = claims(
        "Senate Minority Leader Harry Reid met the president on Monday.\n\n\
         The Republican leaders said the bill would fail.",
    );
    let c = quoted(&c, "the bill would fail");
    assert_ne!(c.speaker.as_deref(), Some("Harry Reid"));
}

#[test]
fn a_description_s_role_drops_its_article() {
    let c = claims(
        "Ministers met on Monday.\n\n\
         A Downing Street spokeswoman said the prime minister had full confidence in the police.",
    );
    let c = quoted(&c, "the prime minister had full confidence in the police");
    assert_eq!(
        c.speaker_role.as_deref(),
        Some("Downing Street spokeswoman")
    );
}

#[test]
fn an_indefinite_role_nominal_is_someone_new() {
    let c = claims(
        "Foreign ministry spokesman Hamid Reza Asefi said Tehran would not give up.\n\n\
         A British Foreign Office spokesman said the proposals were generous.",
    );
    let c = quoted(&c, "the proposals were generous");
    assert_eq!(
        c.speaker.as_deref(),
        Some("British Foreign Office spokesman")
    );
    assert_eq!(c.speaker_type, None);
}

#[test]
fn a_name_described_as_an_organisation_is_one() {
    let c = claims(
        "Tesco, the UK's biggest retailer, said sales had risen by 20%.\n\n\
         Norma Pell, the owner of a shopping center, said she would vote.",
    );
    let tesco = quoted(&c, "sales had risen by 20%");
    assert_eq!(tesco.speaker.as_deref(), Some("Tesco"));
    assert_eq!(tesco.speaker_type.map(|l| l.as_str()), Some("ORG"));
    let owner = quoted(&c, "she would vote");
    assert_eq!(owner.speaker_type.map(|l| l.as_str()), Some("PER"));
}

#[test]
fn a_nationality_or_party_group_is_a_description() {
    let c = claims(
        "Lena Marsh spoke in Ohio on Monday.\n\n\
         Some Democrats said the plan would fail. The Saudis said talks would go on.",
    );
    for quote in ["the plan would fail", "talks would go on"] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker_type, None, "{c:#?}");
        assert!(c
            .speaker_id
            .as_deref()
            .is_some_and(|id| id.starts_with("desc:")));
    }
}

#[test]
fn an_organisation_named_with_its_kind_is_that_organisation() {
    let c = claims(
        "The Public and Commercial Services union said members were angry. \
         PCS said it would ballot its members.",
    );
    let first = quoted(&c, "members were angry");
    assert_eq!(
        first.speaker.as_deref(),
        Some("Public and Commercial Services")
    );
    assert_eq!(first.speaker_type.map(|l| l.as_str()), Some("ORG"));
    let second = quoted(&c, "it would ballot its members");
    assert_eq!(second.speaker_id, first.speaker_id);
}

#[test]
fn the_government_is_no_organisation_named_before() {
    let c = claims(
        "The Public and Commercial Services union threatened a strike on Monday.\n\n\
         The government said the changes were needed.",
    );
    let c = quoted(&c, "the changes were needed");
    assert_eq!(c.speaker_type, None, "{c:#?}");
}

#[test]
fn an_acronym_in_brackets_keeps_its_organisation_the_subject() {
    // The sentence's subject is the CBI; its acronym, the latest mention, comes second.
    let c = claims(
        "Downing Street said the prime minister fully backed the package. \
         The Confederation of British Industry (CBI) welcomed the move. \
         The employers' group said it would boost confidence.",
    );
    let c = quoted(&c, "it would boost confidence");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Confederation of British Industry"),
        "{c:#?}"
    );
}

#[test]
fn a_peer_is_a_role_noun() {
    let c = claims(
        "Baroness Finlay, who has campaigned for a ban in Wales, said the plans were weak. \
         The peer told the BBC that ministers had caved in to the pub industry.",
    );
    let first = quoted(&c, "the plans were weak");
    let second = quoted(&c, "that ministers had caved in to the pub industry");
    assert_eq!(second.speaker, first.speaker, "{second:#?}");
    assert_eq!(second.speaker_id, first.speaker_id);
}

#[test]
fn a_baroness_is_the_full_name_the_article_gives() {
    let c = claims(
        "Ilora Finlay, a palliative care doctor, opened the hospice on Monday. \
         Baroness Finlay said the building would stay open late.",
    );
    let c = quoted(&c, "the building would stay open late");
    assert_eq!(c.speaker.as_deref(), Some("Ilora Finlay"), "{c:#?}");
}

#[test]
fn a_role_in_title_case_stands_for_the_person_holding_it() {
    // British news capitalises positions; the tagger may even take one for an organisation.
    let c = claims(
        "Tony Blair has promised to hold a referendum on the EU constitution. \
         The Prime Minister said voters would have the final say. \
         Gordon Brown backed the move. The Chancellor said it was right. \
         Home Secretary Charles Clarke spoke later. \
         The Home Secretary said the bill was needed.",
    );
    for (quote, speaker) in [
        ("voters would have the final say", "Tony Blair"),
        ("it was right", "Gordon Brown"),
        ("the bill was needed", "Charles Clarke"),
    ] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{c:#?}");
    }
}

#[test]
fn a_party_the_tagger_missed_does_not_stop_a_role_nominal() {
    let c = claims(
        "Michael Howard has accused Tony Blair of misleading voters over immigration. \
         The Conservative leader said the government had lost control of the borders. \
         Ted Cruz spoke on Monday. The Cruz spokesman said the senator was busy.",
    );
    let c1 = quoted(&c, "the government had lost control of the borders");
    assert_eq!(c1.speaker.as_deref(), Some("Michael Howard"), "{c1:#?}");
    // A word of a person's name makes the phrase a description of someone else.
    let c2 = quoted(&c, "the senator was busy");
    assert_ne!(c2.speaker.as_deref(), Some("Ted Cruz"), "{c2:#?}");
}

#[test]
fn a_speaker_keeps_the_widest_role_the_article_gives() {
    let c = claims(
        "Ukraine's opposition leader Viktor Yushchenko said the poll had been rigged. \
         He said a general strike would follow.",
    );
    for quote in ["the poll had been rigged", "a general strike would follow"] {
        let c = quoted(&c, quote);
        assert_eq!(
            c.speaker_role.as_deref(),
            Some("Ukraine's opposition leader"),
            "{c:#?}"
        );
    }
}

#[test]
fn a_person_noun_before_a_name_makes_that_name_the_speaker() {
    // "Chelsea" tagged as a person must not take the claim from the manager.
    let c = claims("Chelsea boss Jose Mourinho said he backed the FA.");
    let c = quoted(&c, "he backed the FA");
    assert_eq!(c.speaker.as_deref(), Some("Jose Mourinho"), "{c:#?}");
}

#[test]
fn a_nominal_with_a_reflexive_is_the_nominal() {
    let c = claims(
        "Rio Ferdinand missed a drugs test in September. An FA spokesman said the governing \
         body had followed its rules. The defender himself said he was disappointed.",
    );
    let c = quoted(&c, "he was disappointed");
    assert_eq!(c.speaker.as_deref(), Some("Rio Ferdinand"), "{c:#?}");
}

#[test]
fn an_age_nominal_stands_for_a_person_named_before() {
    // News writes a person's age as a noun ("the 24-year-old") or before one.
    let c = claims(
        "Marat Safin reached the final in Paris on Friday. \
         \"I feel good,\" the 24-year-old said. \
         Mike Leigh won best director. \
         \"This is a wonderful tribute,\" the 61-year-old film-maker said.",
    );
    for (quote, speaker) in [
        ("I feel good", "Marat Safin"),
        ("This is a wonderful tribute", "Mike Leigh"),
    ] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{c:#?}");
    }
}

#[test]
fn a_name_called_an_organisation_is_one_in_every_mention() {
    // The tagger makes "Sony" a place and "African Union" a place; the article's own words
    // ("electronics giant Sony", "Union") say they are organisations, for "the company" too.
    let c = claims(
        "Japanese electronics giant Sony has cut the price of its games console. \
         Sony said sales had been strong. \
         The Japanese company said it expected to sell ten million consoles. \
         The African Union said it was sending more troops to Darfur. \
         The organisation said 3,000 soldiers would arrive by the end of the year.",
    );
    for (quote, speaker) in [
        ("sales had been strong", "Sony"),
        ("it expected to sell ten million consoles", "Sony"),
        ("it was sending more troops to Darfur", "African Union"),
        (
            "3,000 soldiers would arrive by the end of the year",
            "African Union",
        ),
    ] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{c:#?}");
        assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"), "{c:#?}");
    }
}

#[test]
fn a_name_called_an_organisation_once_is_no_person_later() {
    // "Tesco" is tagged PER; the apposition makes it an organisation in later mentions too.
    let c = claims(
        "Tesco profits hit record high\n\n\
         Tesco, the UK's biggest retailer, has reported record profits.\n\n\
         The supermarket giant said pre-tax profits rose 22%.\n\n\
         Richard Ratner, an analyst, said Tesco was \"in a class of its own\".\n\n\
         Tesco said it would open 20 new stores.",
    );
    for quote in ["pre-tax profits rose 22%", "it would open 20 new stores"] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some("Tesco"), "{c:#?}");
        assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"), "{c:#?}");
    }
}

#[test]
fn police_ranks_and_letters_after_a_name_stay_out_of_it() {
    let c = claims(
        "Det Ch Insp Mark Roberts, of Greater Manchester Police, said the attack was senseless. \
         Peter Clowes denied the charges. \
         His lawyer, Richard Ferguson QC, said his client would appeal.",
    );
    let c1 = quoted(&c, "the attack was senseless");
    assert_eq!(c1.speaker.as_deref(), Some("Mark Roberts"), "{c1:#?}");
    assert_eq!(c1.speaker_role.as_deref(), Some("Det Ch Insp"), "{c1:#?}");
    let c2 = quoted(&c, "his client would appeal");
    assert_eq!(c2.speaker.as_deref(), Some("Richard Ferguson"), "{c2:#?}");
    let c = claims(
        "Iran's supreme leader, Ayatollah Ali Khamenei, said his country would never give up.",
    );
    let c3 = quoted(&c, "his country would never give up");
    assert_eq!(c3.speaker.as_deref(), Some("Ali Khamenei"), "{c3:#?}");
}

#[test]
fn a_name_in_apposition_after_lowercase_nouns_speaks() {
    let c = claims(
        "Thousands of savers lost money. \
         One investor, pensioner Margaret Hill, said she had lost her life savings. \
         Another saver, Tom Ward, said he felt cheated. \
         The aides, led by manager Terry Sullivan, told the group they would not win.",
    );
    for (quote, speaker) in [
        ("she had lost her life savings", "Margaret Hill"),
        ("he felt cheated", "Tom Ward"),
    ] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{c:#?}");
    }
    // A participle phrase is no apposition naming the subject.
    let c3 = quoted(&c, "they would not win");
    assert_ne!(c3.speaker.as_deref(), Some("Terry Sullivan"), "{c3:#?}");
}

#[test]
fn a_name_in_a_role_nominal_must_be_in_the_role() {
    // "boss" after a club's name is a role; "The United manager" is not the Arsenal one.
    let c = claims(
        "Arsenal manager Arsene Wenger has responded to criticism from Manchester United boss \
         Sir Alex Ferguson. Ferguson had accused the Gunners of intimidating referees. \
         The United manager said on Friday that referees were under pressure.",
    );
    let c1 = quoted(&c, "the Gunners of intimidating referees");
    assert_eq!(c1.speaker.as_deref(), Some("Alex Ferguson"), "{c1:#?}");
    assert_eq!(
        c1.speaker_role.as_deref(),
        Some("Manchester United boss"),
        "{c1:#?}"
    );
    let c2 = quoted(&c, "that referees were under pressure");
    assert_ne!(c2.speaker.as_deref(), Some("Arsene Wenger"), "{c2:#?}");
}

#[test]
fn an_untagged_mention_spelled_like_a_tagged_name_is_that_entity() {
    let c = claims(
        "Shami Chakrabarti, director of civil rights group Liberty, said the bill was wrong. \
         Liberty said it would fight the bill in the courts.",
    );
    let c = quoted(&c, "it would fight the bill in the courts");
    assert_eq!(c.speaker.as_deref(), Some("Liberty"), "{c:#?}");
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"), "{c:#?}");
    assert!(
        !c.speaker_id
            .as_deref()
            .unwrap_or("desc:")
            .starts_with("desc:"),
        "{c:#?}"
    );
}

#[test]
fn a_capitalised_person_noun_opening_a_name_is_no_part_of_it() {
    // The tagger takes "Comedian" into the one-word name.
    let c = claims("Comedian Bono said he was delighted.");
    let c = quoted(&c, "he was delighted");
    assert_eq!(c.speaker.as_deref(), Some("Bono"), "{c:#?}");
    assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("PER"), "{c:#?}");
}

#[test]
fn a_name_after_an_organisation_noun_is_that_organisation() {
    // The tagger misses "BP" and splits "Marks and Spencer" (tagging "Spencer" a person).
    let c = claims(
        "Oil giant BP said output rose. Retailer Marks and Spencer said sales fell. \
         Donald Trump, the star of the reality TV show, said he was proud.",
    );
    for (quote, speaker) in [("output rose", "BP"), ("sales fell", "Marks and Spencer")] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{c:#?}");
        assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("ORG"), "{c:#?}");
    }
    // The noun must head the phrase: "the reality TV show" is no organisation "TV".
    let c3 = quoted(&c, "he was proud");
    assert_eq!(c3.speaker.as_deref(), Some("Donald Trump"), "{c3:#?}");
}

#[test]
fn a_name_ending_in_a_persons_lone_surname_is_that_person() {
    // The tagger calls "JK Rowling" an organisation; "Ms Rowling" says she is a person.
    let c = claims(
        "JK Rowling has revealed the title of the sixth Harry Potter book. \
         Ms Rowling said she had been working on it for two years.",
    );
    for quote in [
        "the title of the sixth Harry Potter book",
        "she had been working on it for two years",
    ] {
        let c = quoted(&c, quote);
        assert_eq!(c.speaker.as_deref(), Some("JK Rowling"), "{c:#?}");
        assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("PER"), "{c:#?}");
    }
}

#[test]
fn initials_left_out_of_a_lone_surname_open_the_name() {
    // Here the tagger tags "Rowling" without "JK".
    let c = claims(
        "Rowling reveals new Potter title\n\n\
         JK Rowling has revealed the title of the sixth Harry Potter book on her website.\n\n\
         Ms Rowling said she had been working on the book for two years.",
    );
    let c1 = quoted(&c, "she had been working on the book for two years");
    assert_eq!(c1.speaker.as_deref(), Some("JK Rowling"), "{c1:#?}");
}

#[test]
fn an_organisation_only_told_something_is_no_antecedent_of_the_company() {
    // "the BBC" is only ever the one told; "Tesco" is tagged a place after "Shares in". The
    // retailer and the union stay descriptions instead of becoming the BBC.
    let c = claims(
        "Chancellor Gordon Brown is expected to set out his plans next week. The chancellor \
         told the BBC the economy was strong.\n\n\
         Shares in Tesco rose 3%. The retailer said it would open 20 new stores.\n\n\
         The union said its members would strike.",
    );
    for (quote, description) in [
        ("it would open 20 new stores", "retailer"),
        ("its members would strike", "union"),
    ] {
        let c1 = quoted(&c, quote);
        assert_eq!(c1.speaker.as_deref(), Some(description), "{c1:#?}");
    }
}

#[test]
fn a_first_name_left_out_of_a_lone_surname_opens_the_name() {
    // The tagger tags neither "Monte Haverley" nor "Gordon “Mac” Tennock", only the surnames.
    let c = claims(
        "Ghana-born Monte Haverley has lived in Leeds since he was four. \
         \"I have no other home,\" Haverley said.",
    );
    let c1 = quoted(&c, "I have no other home");
    assert_eq!(c1.speaker.as_deref(), Some("Monte Haverley"), "{c1:#?}");
    let c = claims(
        "Former paratrooper Gordon “Mac” Tennock spent two years in Basra. \
         “Nobody asked us,” Tennock told the inquiry.",
    );
    let c1 = quoted(&c, "Nobody asked us");
    assert_eq!(c1.speaker.as_deref(), Some("Gordon Tennock"), "{c1:#?}");
}

#[test]
fn a_headline_gives_a_lone_surname_its_first_and_middle_names() {
    // The tagger reads each headline as one organisation; the body tags only "Haverley".
    // "Cecile" and "Ruth" open a sentence, are common in the census and the article never
    // writes them in lowercase.
    for (headline, full) in [
        ("Cecile Haverley Wins Seat In Leeds", "Cecile Haverley"),
        (
            "Ruth Bader Haverley Wins Seat In Leeds",
            "Ruth Bader Haverley",
        ),
    ] {
        let c = claims(&format!(
            "{headline}\n\nHaverley, who ran as an independent, won by 200 votes. \
             \"I have no other home,\" Haverley said."
        ));
        let c1 = quoted(&c, "I have no other home");
        assert_eq!(c1.speaker.as_deref(), Some(full), "{c1:#?}");
    }
}

#[test]
fn a_capitalised_word_opening_a_sentence_is_no_first_name_of_the_census_alone() {
    // "So" is a first name of the census table, but a rare one (0.002%) that news text never
    // gives a gender.
    let c = claims(
        "Ministers met on Monday. So Haverley, the farmer who led the protest, was not \
         invited. \"We will not sell,\" Haverley said.",
    );
    let c1 = quoted(&c, "We will not sell");
    assert_eq!(c1.speaker.as_deref(), Some("Haverley"), "{c1:#?}");
}

#[test]
fn a_pronoun_after_a_report_is_its_reporter_not_whom_it_reports_on() {
    let c = claims(
        "Sharapova wins Wimbledon title\n\n\
         Maria Sharapova has won the Wimbledon women's singles title, beating Serena Williams \
         in straight sets.\n\n\
         The 17-year-old Russian said she could not believe what she had achieved. \"It is \
         the best day of my life,\" she said.\n\n\
         Williams, who had won the title in the previous two years, said she had been \
         outplayed. She added: \"Maria played unbelievable tennis.\"\n\n\
         Sharapova's father, Yuri, watched from the stands. He said his daughter had always \
         dreamed of winning Wimbledon.\n\n\
         Former champion Martina Navratilova said Sharapova had a great future. \"She has \
         everything,\" she told the BBC.",
    );
    let c = quoted(&c, "She has everything");
    assert_eq!(c.speaker.as_deref(), Some("Martina Navratilova"), "{c:#?}");
}

#[test]
fn a_long_opening_clause_does_not_hide_the_main_clause_subject() {
    let c = claims(
        "As Governor Mark Herring toured the farms along the river and inspected the new \
         dams near the border on Sunday night, Oskar Lindqvist answered from the docks. \
         He said the plan was a fraud.",
    );
    let c = quoted(&c, "the plan was a fraud");
    assert_eq!(c.speaker.as_deref(), Some("Oskar Lindqvist"));
}

#[test]
fn a_role_given_in_apposition_or_as_a_predicate_links_the_nominal() {
    for text in [
        "Harriet Vance, the mayor of Dunmore, opened the harbour. Oskar Lindqvist visited on \
         Monday. The mayor said the project was on track.",
        "Harriet Vance is the mayor of Dunmore. Oskar Lindqvist visited on Monday. The mayor \
         said the project was on track.",
    ] {
        let all = claims(text);
        let c = quoted(&all, "the project was on track");
        assert_eq!(c.speaker.as_deref(), Some("Harriet Vance"), "{text}");
        assert_eq!(
            c.speaker_role.as_deref(),
            Some("mayor of Dunmore"),
            "{text}"
        );
    }
    // A predicate that only describes gives no role ("is the leader in the polls").
    let all =
        claims("Oskar Lindqvist is the leader in the polls. Lindqvist said the count was fair.");
    let c = quoted(&all, "the count was fair");
    assert_eq!(c.speaker_role, None);
}

#[test]
fn an_indefinite_description_whose_head_is_no_name_names_no_one() {
    let text = "Mara Quill toured the plant in Dunmore on Monday.\n\n\
                A spokesman for Democratic candidate Mara Quill said the plant would stay open.\n\n\
                A source familiar with Quill's plans said she would not run again.\n\n\
                Some angry Quill supporters said they would march on Friday.\n\n\
                One pastor supporting Mara Quill said the vote was fair.\n\n\
                A report by the Dunmore Institute said the plant was profitable.";
    let c = claims(text);
    for quote in [
        "the plant would stay open",
        "she would not run again",
        "they would march on Friday",
        "the vote was fair",
    ] {
        let speaker = quoted(&c, quote).speaker.as_deref();
        assert!(speaker.is_some_and(|s| s != "Mara Quill"), "{speaker:?}");
    }
    let report = quoted(&c, "the plant was profitable");
    assert_eq!(report.speaker.as_deref(), Some("Dunmore Institute"));
}

#[test]
fn a_name_inside_the_subject_s_participle_phrase_is_not_the_speaker() {
    for (text, speaker) in [
        (
            "Lawyers representing Dana Pell said the suit was frivolous.",
            "Lawyers",
        ),
        (
            "Several delegates supporting Mara Quill said they would switch.",
            "Several delegates",
        ),
        (
            "Republican activists hoping to block Dana Pell say the rules allow it.",
            "Republican activists",
        ),
    ] {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].speaker.as_deref(), Some(speaker), "{text}");
    }
    // "everything" is no participle.
    let c = claims("Not everything Dana Pell says is true, Jamieson said.");
    assert_eq!(
        quoted(&c, "Not everything Dana Pell says is true")
            .speaker
            .as_deref(),
        Some("Jamieson")
    );
}

#[test]
fn the_one_the_verb_names_is_not_its_subject_pronoun() {
    for (text, quote) in [
        (
            "Dana Pell met Mara Quill at the rally on Monday. “We will win this state,” she told Quill.",
            "We will win this state",
        ),
        (
            "Dana Pell spoke after Tom Reed. He praised Reed for his courage.",
            "Reed for his courage",
        ),
    ] {
        let c = claims(text);
        assert_eq!(quoted(&c, quote).speaker.as_deref(), Some(&text[..9]), "{text}");
    }
}

#[test]
fn a_gendered_nominal_is_never_someone_of_the_other_gender() {
    let text = "Tom Bell met Mara Quill in Dunmore on Monday. Bell praised the plan at length. \
                “We will build it,” the chairwoman said.";
    let c = claims(text);
    assert_ne!(
        quoted(&c, "We will build it").speaker.as_deref(),
        Some("Tom Bell"),
        "{c:?}"
    );
}

#[test]
fn a_place_inside_a_description_is_not_the_speaker() {
    for (text, speaker) in [
        (
            "“We will win this state,” said the Kentucky Republican.",
            "Kentucky Republican",
        ),
        (
            "Polls in New Hampshire show that Pell leads.",
            "Polls in New Hampshire",
        ),
        (
            "“We will win it,” said a retired teacher from Dunmore.",
            "retired teacher from Dunmore",
        ),
        ("The United States said it would act.", "United States"),
    ] {
        let c = claims(text);
        assert_eq!(c[0].speaker.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn a_title_between_coordinated_names_keeps_them_a_group() {
    let c = claims("Dana Pell and Senator Tom Reed said the deal was bad.");
    assert_eq!(c[0].speaker.as_deref(), Some("Dana Pell and Tom Reed"));
}

#[test]
fn i_in_a_column_is_the_columnist_its_headline_names() {
    let c = claims(
        "Marta Ellison: Why the Tax Plan Will Fail\n\n\
         Voters have had enough of promises. I believe the tax plan will fail.",
    );
    let c = quoted(&c, "the tax plan will fail");
    assert_eq!(c.speaker.as_deref(), Some("Marta Ellison"));
    // A headline's name without a colon is a subject, not the writer.
    let c = claims(
        "Marta Ellison Wins the Vote\n\n\
         Voters have had enough of promises. I believe the tax plan will fail.",
    );
    let c = quoted(&c, "the tax plan will fail");
    assert_ne!(c.speaker.as_deref(), Some("Marta Ellison"));
}

#[test]
fn an_interview_answer_is_the_interviewees() {
    let c = claims(
        "Q&A with Mayor Tavi Dorr\n\n\
         Mayor Tavi Dorr spoke with reporter Quorin Venn on Thursday.\n\n\
         Q: You have been talking about the harbour for months.\n\n\
         A: The cranes will arrive in May, and the docks will reopen.",
    );
    let c = quoted(
        &c,
        "The cranes will arrive in May, and the docks will reopen",
    );
    assert_eq!(c.speaker.as_deref(), Some("Tavi Dorr"));
}
