//! Quote detection and attribution on the reported-speech patterns news uses.

use claimex::claim::ClaimRecord;
use claimex::{Article, Pipeline};

/// Every claim found in `text`, whatever its confidence: these tests are of the patterns.
fn claims(text: &str) -> Vec<ClaimRecord> {
    Pipeline::default()
        .with_min_confidence(0.0)
        .process(&Article::new("t", text))
        .claims
}

/// The claim reported by the cue `cue` (its text), with all claims shown when there is none.
fn with_cue<'a>(claims: &'a [ClaimRecord], cue: &str) -> &'a ClaimRecord {
    claims
        .iter()
        .find(|c| c.cue.as_ref().is_some_and(|q| q.text == cue))
        .unwrap_or_else(|| panic!("no claim with cue {cue:?}: {claims:#?}"))
}

/// The characters `[s, e)` of `text`: what a span's offsets must slice back to.
fn chars(text: &str, [s, e]: [usize; 2]) -> String {
    text.chars().skip(s).take(e - s).collect()
}

/// Asserts that the claim of cue `cue` in `text` has the speaker mention `speaker`, and that
/// the mention's offsets slice back to it.
fn assert_speaker_mention(text: &str, cue: &str, speaker: &str) {
    let c = claims(text);
    let mention = with_cue(&c, cue)
        .speaker_mention
        .as_ref()
        .expect("a speaker mention");
    assert_eq!(mention.text, speaker, "{text}");
    assert_eq!(chars(text, [mention.start, mention.end]), speaker);
}

fn one(text: &str) -> ClaimRecord {
    let c = claims(text);
    assert_eq!(c.len(), 1, "{c:#?}");
    c.into_iter().next().unwrap()
}

#[test]
fn direct_quote_then_speaker() {
    let c = one("“We have agreed on your visit to Moscow,” Lavrov said.");
    assert_eq!(
        (c.kind, c.quote.text.as_str()),
        ("direct", "We have agreed on your visit to Moscow")
    );
    assert_eq!(c.speaker.as_deref(), Some("Lavrov"));
    assert_eq!(c.cue.unwrap().text, "said");
}

#[test]
fn a_plural_person_noun_heads_a_subject() {
    for (text, speaker) in [
        (
            "The judges who ruled that the state could not act, for instance, said the deadline was too short.",
            "The judges",
        ),
        (
            "Three prosecutors later told the court that the evidence was lost.",
            "Three prosecutors",
        ),
    ] {
        let c = claims(text);
        let c = with_cue(&c, if text.contains("told") { "told" } else { "said" });
        assert_eq!(c.speaker_mention.as_ref().unwrap().text, speaker, "{text}");
    }
}

#[test]
fn a_subject_cut_after_its_article_is_completed_to_its_noun() {
    let text = "A campaign aide later clarified that Quill misspoke and intended to say that the vote was close.";
    let c = claims(text);
    let intended = with_cue(&c, "intended");
    let mention = intended
        .speaker_mention
        .as_ref()
        .expect("a speaker mention");
    assert_eq!(mention.text, "A campaign aide");
    assert_eq!(chars(text, [mention.start, mention.end]), "A campaign aide");
}

#[test]
fn a_content_may_open_with_an_approximate_count_or_a_gerund_subject() {
    for (text, content) in [
        (
            "The budget office said about half of the cuts were wasted.",
            "about half of the cuts were wasted",
        ),
        (
            "Okafor said having Quill on the ticket puts the whole slate at risk.",
            "having Quill on the ticket puts the whole slate at risk",
        ),
    ] {
        assert_eq!(one(text).quote.text, content);
    }
    assert!(claims("She walked about the park on Monday.").is_empty());
}

#[test]
fn a_cue_without_a_speaker_takes_its_subject_from_the_parse() {
    for (text, cue, speaker) in [
        (
            "At a meeting on Tuesday, some senators vented about the vote and said that they had lost patience with the mayor.",
            "said",
            "some senators",
        ),
        (
            "And even Okafor tried to help them, noting that he would hesitate too in their position.",
            "noting",
            "Okafor",
        ),
    ] {
        assert_speaker_mention(text, cue, speaker);
    }
    // Without the parser the rule steps aside.
    let text = "At a meeting on Tuesday, some senators vented about the vote and said that they had lost patience with the mayor.";
    let none = claimex::Pipeline::default()
        .with_syntax(claimex::pipeline::SyntaxScope::None)
        .process(&Article::new("t", text))
        .claims;
    assert!(with_cue(&none, "said").speaker_mention.is_none());
    // "Asked about …" opening the sentence: the one asked is not the source of the question.
    let c = claims("Asked about the levy, Okafor said the council would decide.");
    assert!(c
        .iter()
        .filter(|c| c.cue.as_ref().is_some_and(|q| q.text.starts_with("Asked")))
        .all(|c| c.speaker.is_none()));
}

#[test]
fn a_passive_cue_takes_its_agent_as_the_speaker() {
    for (text, cue, speaker) in [
        (
            "Earlier this month, Okafor was asked by host Dana Pell whether his aim was to win the seat.",
            "asked",
            "host Dana Pell",
        ),
        (
            "Asked by Pell if he believed the plan would work, Okafor said that he did not.",
            "Asked",
            "Pell",
        ),
    ] {
        assert_speaker_mention(text, cue, speaker);
    }
    let c = claims(
        "Earlier this month, Okafor was asked by host Dana Pell whether his aim was to win.",
    );
    assert_eq!(with_cue(&c, "asked").speaker_role.as_deref(), Some("host"));
}

#[test]
fn an_opening_adverbial_gives_way_to_the_cue_s_parse_subject() {
    for (text, cue, speaker) in [
        (
            "A month later, the senator paid a visit to the border and explained why voters would back him.",
            "explained",
            "the senator",
        ),
        (
            "Therefore, Gulf diplomats believe the deal is dead, and admit that they cannot stop it.",
            "admit",
            "Gulf diplomats",
        ),
        // The subject of a passive verb the cue is coordinated with.
        (
            "By the end of the day, the mayor was forced into a rare apology and said that his words had been misconstrued.",
            "said",
            "the mayor",
        ),
    ] {
        assert_speaker_mention(text, cue, speaker);
    }
    // A named opener is left to the detector, the parse is not asked.
    let c = claims("Okafor, by contrast, said the council would decide.");
    assert_eq!(with_cue(&c, "said").speaker.as_deref(), Some("Okafor"));
}

#[test]
fn a_name_inside_the_subject_s_modifier_gives_way_to_the_subject() {
    for (text, speaker) in [
        (
            "Workers who spoke to the BBC said morale at the plant was low.",
            "Workers",
        ),
        (
            "Residents who were evacuated from their homes said they had been frightened.",
            "Residents",
        ),
        (
            "Another intelligence source speaking to Fox News said the inquiry would go on.",
            "Another intelligence source",
        ),
    ] {
        assert_speaker_mention(text, "said", speaker);
    }
    // A name after a word that opens a clause of its own is that clause's subject.
    let text =
        "Years after Bill Clinton claimed that the era of big government was over, Obama won.";
    assert_speaker_mention(text, "claimed", "Bill Clinton");
}

#[test]
fn a_participle_right_before_the_cue_belongs_to_the_subject() {
    for (text, cue, speaker) in [
        (
            "By big margins, those surveyed say the economy should come first.",
            "say",
            "those surveyed",
        ),
        (
            "Some 56 percent of Cuban-Americans polled said they were less likely to vote.",
            "said",
            "Some 56 percent of Cuban-Americans polled",
        ),
        // The participle is a cue word itself, and no cue here.
        (
            "Voters questioned said they would back the plan.",
            "said",
            "Voters questioned",
        ),
    ] {
        assert_speaker_mention(text, cue, speaker);
    }
    // "helped" takes the cue as its bare infinitive.
    assert!(claims("Roger Ailes helped found Fox News in 1996.").is_empty());
}

#[test]
fn a_named_organisation_s_relative_clause_reports_for_it() {
    let text = "The order followed a request by The Ledger, which argued that the files were of public interest.";
    let c = claims(text);
    let claim = with_cue(&c, "argued");
    assert_eq!(claim.speaker.as_deref(), Some("The Ledger"));
    assert_eq!(claim.quote.text, "that the files were of public interest");
    // "since" between a perfect auxiliary and its verb is an adverb.
    assert_speaker_mention(
        "She has since stressed that she sent no classified files.",
        "stressed",
        "She",
    );
}

#[test]
fn a_subject_led_by_one_or_another_speaks() {
    for (text, speaker) in [
        (
            "“We are shocked, he was a friend to us,” one factory worker told reporters.",
            "one factory worker",
        ),
        (
            "“The vote is rigged,” another lawmaker said.",
            "another lawmaker",
        ),
        (
            "Neither company would say whether the plant will close.",
            "Neither company",
        ),
    ] {
        let c = one(text);
        let mention = c.speaker_mention.expect("a speaker mention");
        assert_eq!(mention.text, speaker);
        assert_eq!(chars(text, [mention.start, mention.end]), speaker);
    }
}

#[test]
fn an_inverted_source_may_open_with_a_possessive() {
    let c = one("“It was his first attempt to stand up to his father,” said his best friend.");
    assert_eq!(c.speaker.as_deref(), Some("his best friend"));
    assert_eq!(
        c.quote.text,
        "It was his first attempt to stand up to his father"
    );
}

#[test]
fn a_participle_after_the_determiner_of_an_inverted_source_is_an_adjective() {
    let c = one("“There is no data to suggest that,” said one unaligned Florida strategist.");
    assert_eq!(
        c.speaker_mention.map(|m| m.text).as_deref(),
        Some("one unaligned Florida strategist")
    );
}

#[test]
fn a_quotation_paragraph_signed_on_the_next_line_is_the_signers() {
    let text =
        "Claims we checked.\n\n\"Big firms pay zero taxes.\"\n\n- Sanders.\n\nThis is wrong.";
    let c = one(text);
    assert_eq!(c.speaker.as_deref(), Some("Sanders"));
    assert_eq!(c.quote.text, "Big firms pay zero taxes.");
    // A list of lines opening with hyphens signs nothing.
    assert!(claims("The list:\n\n- Apples are red.\n- Pears are green.").is_empty());
}

#[test]
fn a_time_phrase_after_the_cue_is_no_content() {
    for text in [
        "“Prices will rise,” Smith said this week.",
        "“Prices will rise,” Smith said in a speech that night.",
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, "Prices will rise", "{text}");
        assert_eq!(c.speaker.as_deref(), Some("Smith"));
    }
    let c = one("Smith said this week prices would rise.");
    assert_eq!(c.quote.text, "prices would rise");
    // "This week's" opens a noun phrase of the content.
    let c = one("Smith said this week’s figures were bad.");
    assert_eq!(c.quote.text, "this week’s figures were bad");
}

#[test]
fn a_participle_after_an_object_reports_for_the_subject() {
    let c = with_cue(
        &claims("Warren endorsed Clinton, saying, “I think a fighter is needed.”"),
        "saying",
    )
    .clone();
    assert_eq!(c.speaker.as_deref(), Some("Warren"));
    // After an inverted report the participle is its source's.
    let c = with_cue(
        &claims("The plan failed, said Haddad, adding, “We will try again.”"),
        "adding",
    )
    .clone();
    assert_eq!(c.speaker.as_deref(), Some("Haddad"));
}

#[test]
fn a_dateline_is_no_subject() {
    for text in [
        "WASHINGTON — Sen. Mara Quill downplayed the attack and said it was the same thing.",
        "RENO, Nev. (AP) — Sen. Mara Quill downplayed the attack and said it was the same thing.",
        "Washington (AFP) – Sen. Mara Quill downplayed the attack, saying it was the same thing.",
    ] {
        let c = claims(text);
        let c = c
            .iter()
            .find(|c| c.quote.text == "it was the same thing")
            .unwrap_or_else(|| panic!("{text}: {c:#?}"));
        assert_eq!(c.speaker.as_deref(), Some("Mara Quill"), "{text}");
    }
    // A name with a dashed apposition is the subject.
    let c = one("Jason Sims — a teacher from Mount Pleasant — says he will vote.");
    assert_eq!(c.speaker.as_deref(), Some("Jason Sims"));
}

#[test]
fn a_subject_may_follow_a_datelines_dash() {
    // "campaign" is no role or person noun: the dash closes the dateline as a comma would.
    let c = one("PHILADELPHIA — Mara Quill’s campaign said it is looking for a new chair.");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill campaign"));
    assert_eq!(c.quote.text, "it is looking for a new chair");
}

#[test]
fn a_described_source_takes_the_name_in_apposition() {
    let text = "“It was fair,” said another pollster, Dana Pell of Clemson University.";
    let c = one(text);
    let mention = c.speaker_mention.expect("a speaker mention");
    assert_eq!(
        mention.text,
        "another pollster, Dana Pell of Clemson University"
    );
    assert_eq!(chars(text, [mention.start, mention.end]), mention.text);
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    // Before the cue too, with its affiliation.
    let c = one("Another pollster, Dana Pell of Clemson University, said the vote was fair.");
    assert_eq!(
        c.speaker_mention.map(|m| m.text).as_deref(),
        Some("Dana Pell")
    );
}

#[test]
fn a_name_and_a_colon_opening_a_clause_introduce_its_quotation() {
    let text = "Polls.\n\nRED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Dana Pell: \
                “The analysis finds that 20 states are solidly Republican.”";
    let c = one(text);
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    assert_eq!(
        c.quote.text,
        "The analysis finds that 20 states are solidly Republican."
    );
    // A phrase that is no name introduces no speaker.
    let c = one("Polls.\n\nThe message to voters: “Vote early.”");
    assert_ne!(c.speaker_type.map(|l| l.as_str()), Some("PER"));
}

#[test]
fn as_x_put_it_introduces_the_quotation() {
    let c = one("As Dana Pell, a professor of law, put it, “A compromise is better.”");
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    assert_eq!(c.quote.text, "A compromise is better.");
    let c = one("As one voter put it: “We lost.”");
    assert_eq!(
        c.speaker_mention.map(|m| m.text).as_deref(),
        Some("one voter")
    );
    // "put" outside the idiom reports nothing.
    assert!(claims("He put the plan on hold, “for now.”")
        .iter()
        .all(|c| c.cue.is_none()));
}

#[test]
fn a_question_closing_a_nested_quotation_is_attributed_by_the_next_sentence() {
    let text = "“She asked us, ‘What can I do?’” Weaver said.";
    let c = one(text);
    assert_eq!(c.speaker_mention.map(|m| m.text).as_deref(), Some("Weaver"));
    assert_eq!(chars(text, [c.quote.start, c.quote.end]), c.quote.text);
}

#[test]
fn inverted_attribution() {
    let c = one("“The talks are over,” said Caddell.");
    assert_eq!(c.speaker.as_deref(), Some("Caddell"));
    assert_eq!(c.quote.text, "The talks are over");
}

#[test]
fn quote_interrupted_by_its_attribution_is_one_claim_with_fragments() {
    let text = "“We will not give up,” said Caddell. “The fight goes on and on.”";
    let c = one(text);
    // The content is the quoted words alone, without the attribution between them.
    assert_eq!(
        c.quote.content,
        "We will not give up The fight goes on and on."
    );
    let fragments = c.quote.fragments.expect("two fragments");
    assert_eq!(fragments.len(), 2);
    let slice = |span| chars(text, span);
    assert_eq!(slice(fragments[0]), "We will not give up");
    assert_eq!(slice(fragments[1]), "The fight goes on and on.");
}

#[test]
fn a_one_piece_quote_has_its_text_as_content() {
    let c = one("Foreign Minister Sergey Lavrov said that Moscow would respond.");
    assert_eq!(c.quote.content, c.quote.text);
}

#[test]
fn indirect_speech_keeps_its_complementizer() {
    let c =
        one("Foreign Minister Sergey Lavrov told reporters on Monday that Moscow would respond.");
    assert_eq!(c.kind, "indirect");
    assert_eq!(c.quote.text, "that Moscow would respond");
    assert_eq!(c.speaker.as_deref(), Some("Sergey Lavrov"));
    assert_eq!(c.speaker_role.as_deref(), Some("Foreign Minister"));
}

#[test]
fn mixed_speech_with_quoted_fragment() {
    let c = one("Wang said Beijing “welcomed” the talks between the US and Russia.");
    assert_eq!(c.kind, "mixed");
    assert_eq!(
        c.quote.text,
        "Beijing “welcomed” the talks between the US and Russia"
    );
}

#[test]
fn according_to_in_either_position() {
    let c = one("Lavrov is in the Chinese capital for a two-day visit, as per CNN.");
    assert_eq!(
        (c.speaker.as_deref(), c.cue_class),
        (Some("CNN"), Some("report"))
    );
    assert_eq!(
        c.quote.text,
        "Lavrov is in the Chinese capital for a two-day visit"
    );
    let c = one("According to Xinhua, the two ministers met on Tuesday in Beijing.");
    assert_eq!(c.speaker.as_deref(), Some("Xinhua"));
    assert_eq!(c.quote.text, "the two ministers met on Tuesday in Beijing");
}

#[test]
fn content_before_speaker_and_cue() {
    let c = one("Wang is set to meet President Vladimir Putin on Wednesday, the Kremlin said.");
    assert_eq!(c.speaker.as_deref(), Some("Kremlin"));
    assert_eq!(
        c.quote.text,
        "Wang is set to meet President Vladimir Putin on Wednesday"
    );
}

#[test]
fn pronouns_resolve_to_the_previous_speaker_with_the_fullest_name() {
    let text = "Chinese Foreign Minister Wang Yi arrived in Moscow. Wang said relations were strong. He said Beijing would “deepen” ties.";
    let c = claims(text);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].speaker.as_deref(), Some("Wang Yi"));
    assert_eq!(c[1].speaker.as_deref(), Some("Wang Yi"));
    assert_eq!(c[1].speaker_mention.as_ref().unwrap().text, "He");
}

#[test]
fn nested_reports_give_both_claims() {
    let c = claims("Reuters reported that Russian President Vladimir Putin stated that he would go to Beijing in May.");
    let speakers: Vec<Option<&str>> = c.iter().map(|c| c.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Reuters"), Some("Vladimir Putin")]);
}

#[test]
fn negated_cues_and_apostrophes_yield_nothing() {
    assert!(claims("Lavrov did not disclose the scope of the meeting.").is_empty());
    assert!(claims("The two nations’ relations in the ’90s were calm.").is_empty());
}

#[test]
fn scare_quotes_are_not_claims() {
    assert!(claims("Moscow Furious Over Italy’s ‘Third Reich’ Comparison").is_empty());
}

#[test]
fn sentence_continuing_across_lines() {
    let text = "Trump articulated a sense of frustration on Sunday, stating,\n“There’s tremendous hatred”\nbetween Zelenskyy and Putin.";
    let c = one(text);
    assert_eq!(c.speaker.as_deref(), Some("Trump"));
    assert_eq!(c.kind, "mixed");
    assert_eq!(
        c.quote.text,
        "“There’s tremendous hatred”\nbetween Zelenskyy and Putin"
    );
}

#[test]
fn appositions_parentheses_and_time_adjuncts_around_the_speaker() {
    let c = one("“They wouldn’t get an immunity deal,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.");
    assert_eq!(
        (c.kind, c.speaker.as_deref()),
        ("direct", Some("Jim Jordan"))
    );
    let c = one("Spokesman Sean Spicer on Thursday evening said the party was not in a crisis.");
    assert_eq!(c.speaker.as_deref(), Some("Sean Spicer"));
    assert_eq!(c.quote.text, "the party was not in a crisis");
    let c = one("Trump’s excesses are sickening, Hollande said Tuesday in Paris.");
    assert_eq!(
        (c.speaker.as_deref(), c.quote.text.as_str()),
        (Some("Hollande"), "Trump’s excesses are sickening")
    );
}

#[test]
fn relative_pronoun_speakers_resolve_to_their_antecedent() {
    let c = one("Senator Ted Cruz, who says Trump is attacking him, left early.");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "who");
    assert_eq!(c.speaker.as_deref(), Some("Ted Cruz"));
    assert_eq!(c.quote.text, "Trump is attacking him");
}

#[test]
fn a_speakers_consecutive_quotations_form_one_claim() {
    let text = "“We will win,” Obama said after the meeting. He did not elaborate. “Our goal is to set norms.”";
    let c = one(text);
    assert_eq!(c.quote.fragments.as_ref().map(Vec::len), Some(2));
    assert_eq!(c.speaker.as_deref(), Some("Obama"));
}

#[test]
fn promises_and_pledges_take_an_infinitive_as_content() {
    let c = one("Governor Maria Delgado vowed to veto the budget bill.");
    assert_eq!(
        (c.speaker.as_deref(), c.quote.text.as_str()),
        (Some("Maria Delgado"), "to veto the budget bill")
    );
    assert_eq!(c.cue.unwrap().text, "vowed");
    let c = one("The union agreed to end the strike by Friday.");
    assert_eq!(c.quote.text, "to end the strike by Friday");
}

#[test]
fn attitude_verbs_beyond_saying() {
    let c = one("Most economists figured that rates would stay low.");
    assert_eq!(
        (c.cue_class, c.quote.text.as_str()),
        (Some("thought"), "that rates would stay low")
    );
    let c = one("Hendricks expressed concern about the new rules.");
    assert_eq!(c.speaker.as_deref(), Some("Hendricks"));
}

#[test]
fn a_reported_clause_without_that_runs_past_its_first_comma() {
    let c = one("Ortega said if the talks fail, the strike will resume on Monday.");
    assert_eq!(
        c.quote.text,
        "if the talks fail, the strike will resume on Monday"
    );
    let c = one("A notice at the library said visits are limited, and that masks are required.");
    assert_eq!(
        c.quote.text,
        "visits are limited, and that masks are required"
    );
}

#[test]
fn short_common_noun_subjects() {
    let c = one("Many in the audience said the speech was too long.");
    assert_eq!(
        (
            c.speaker_mention.as_ref().map(|m| m.text.as_str()),
            c.quote.text.as_str()
        ),
        (Some("Many in the audience"), "the speech was too long")
    );
    assert!(claims("This follows intelligence reports that the convoy had left.").is_empty());
}

#[test]
fn attitudes_inside_reported_content_belong_to_the_outer_report() {
    let c = one("Ramos said he thinks the vote will pass next week.");
    assert_eq!(
        (c.cue.unwrap().text.as_str(), c.quote.text.as_str()),
        ("said", "he thinks the vote will pass next week")
    );
    let c = one("“My brother told me he was leaving town,” Okafor said.");
    assert_eq!((c.kind, c.speaker.as_deref()), ("direct", Some("Okafor")));
}

#[test]
fn inverted_speakers_led_by_a_role_or_followed_by_a_relative_clause() {
    let c = one("“This will not end well,” said pollster Dana Whitcombe.");
    assert_eq!(c.speaker.as_deref(), Some("Dana Whitcombe"));
    let c = one("“It is a disgrace,” said Sen. Jim Okoro, who represents the city.");
    assert_eq!(
        (c.kind, c.speaker.as_deref()),
        ("direct", Some("Jim Okoro"))
    );
}

#[test]
fn participles_after_an_adverb_take_the_sentence_subject() {
    let c =
        one("Halvorsen spent the week abroad, falsely suggesting that it was signed in secret.");
    assert_eq!(
        (c.speaker.as_deref(), c.quote.text.as_str()),
        (Some("Halvorsen"), "that it was signed in secret")
    );
    assert!(claims("The talks stalled, particularly regarding the border.").is_empty());
}

#[test]
fn adjectives_and_particles_before_a_that_clause() {
    let c = one("Union leaders are confident that the members will ratify the deal.");
    assert_eq!(
        (c.cue_class, c.quote.text.as_str()),
        (Some("thought"), "that the members will ratify the deal")
    );
    let c = one("Brennan pointed out that the bridge had been closed twice.");
    assert_eq!(
        (c.speaker.as_deref(), c.quote.text.as_str()),
        (Some("Brennan"), "that the bridge had been closed twice")
    );
    assert!(claims("The team is confident about its chances.").is_empty());
}

#[test]
fn an_opening_asked_clause_reports_the_question() {
    let c = one("Asked whether the plant would close, the manager shrugged.");
    assert_eq!(
        (c.cue.unwrap().text.as_str(), c.quote.text.as_str()),
        ("Asked", "whether the plant would close")
    );
    assert_eq!(c.speaker, None);
    let c = one("When asked about the delay, the mayor sighed.");
    assert_eq!(
        (c.cue.unwrap().text.as_str(), c.quote.text.as_str()),
        ("asked about", "the delay")
    );
}

#[test]
fn inverted_speakers_followed_by_an_adjunct() {
    let text = "“We will not allow it,” said Speaker Ana Ruiz in a statement. “The budget stands.”";
    let c = one(text);
    assert_eq!(
        (
            c.speaker.as_deref(),
            c.quote.fragments.as_ref().map(Vec::len)
        ),
        (Some("Ana Ruiz"), Some(2))
    );
}

#[test]
fn reports_inside_a_closed_quotation_are_the_quoted_speakers_words() {
    let c = one("“People felt the plan was rushed, and the mayor said it was fine,” Varga said.");
    assert_eq!((c.kind, c.speaker.as_deref()), ("direct", Some("Varga")));
}

#[test]
fn a_parenthetical_source_splits_its_content() {
    let text =
        "One of the options, according to a person close to the talks, is to delay the vote.";
    let c = one(text);
    assert_eq!(
        c.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("a person close to the talks")
    );
    let fragments = c.quote.fragments.expect("two fragments");
    let slice = |span| chars(text, span);
    assert_eq!(slice(fragments[0]), "One of the options");
    assert_eq!(slice(fragments[1]), "is to delay the vote");
}

/// A particle of a phrasal cue is the cue's, not the content's ("called out", "called upon").
#[test]
fn a_phrasal_cue_keeps_its_particle() {
    for (text, cue, content) in [
        (
            "Quill called out the mayor for the delays.",
            "called out",
            "the mayor for the delays",
        ),
        (
            "Quill called upon the council to reopen the ferry.",
            "called upon",
            "the council to reopen the ferry",
        ),
    ] {
        assert_eq!(with_cue(&claims(text), cue).quote.text, content, "{text}");
    }
}

/// What follows a parenthetical source and describes it (a relative clause, an apposition,
/// "including …") is no second fragment of the content.
#[test]
fn what_describes_a_parenthetical_source_is_not_content() {
    for text in [
        "Borrowers might not be so lucky, according to Mara Quill, who advised the campaign.",
        "Borrowers might not be so lucky, according to Mara Quill, director of the Harbour Trust.",
        "Borrowers might not be so lucky, according to three polls, including one from Dunmore.",
        "Borrowers might not be so lucky, according to Mara Quill, a consultant in Dunmore.",
    ] {
        let c = one(text);
        assert_eq!(c.quote.fragments, None, "{text}");
        assert_eq!(c.quote.text, "Borrowers might not be so lucky", "{text}");
    }
}

#[test]
fn adverbs_before_the_cue_and_adverbial_openers_are_not_subjects() {
    let c = one("Local farmers fiercely opposed the new water rules.");
    assert_eq!(
        c.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Local farmers")
    );
    let c = one(
        "Outside the stadium, Mayor Elena Ruiz handed out flyers, warning that the fees would rise.",
    );
    assert_eq!(
        c.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Mayor Elena Ruiz")
    );
}

#[test]
fn relative_pronoun_speakers_without_a_comma() {
    let c = one("Turnout rose among voters who said the economy was their main concern.");
    assert_eq!(
        (
            c.speaker_mention.as_ref().map(|m| m.text.as_str()),
            c.quote.text.as_str()
        ),
        (Some("who"), "the economy was their main concern")
    );
}

#[test]
fn possessed_report_nouns_before_a_that_clause() {
    let c = claims("Senator Tom Ruiz spoke on Monday. Reporters laughed at his claim that the program was working.");
    let nominal = with_cue(&c, "claim");
    assert_eq!(
        (nominal.speaker.as_deref(), nominal.quote.text.as_str()),
        (Some("Tom Ruiz"), "that the program was working")
    );
    let c = claims("The board doubted Mayor Ana Ruiz’s assertion that crime had fallen.");
    assert!(c.iter().any(|c| c
        .speaker
        .as_deref()
        .is_some_and(|s| s.ends_with("Ana Ruiz"))
        && c.quote.text == "that crime had fallen"));
    assert!(claims("The claims that were made last year were false.").is_empty());
}

#[test]
fn a_report_nouns_agent_speaks_its_that_clause() {
    let text = "The minister has denied allegations by opposition MPs that he misled parliament.";
    let c = claims(text);
    let allegation = with_cue(&c, "allegations");
    assert_eq!(
        (
            allegation.speaker.as_deref(),
            allegation.quote.text.as_str()
        ),
        (Some("opposition MPs"), "that he misled parliament")
    );
    // The content is the MPs', not the minister's.
    assert!(!c
        .iter()
        .any(|c| c.quote.text == "that he misled parliament"
            && c.speaker.as_deref() == Some("minister")));
    assert_speaker_mention(text, "allegations", "opposition MPs");
    // "claims" is a verb form too; "by" makes it the noun.
    let c =
        claims("Doctors dismissed claims by the health secretary that waiting lists were falling.");
    let claim = with_cue(&c, "claims");
    assert_eq!(claim.quote.text, "that waiting lists were falling");
    assert_eq!(claim.speaker.as_deref(), Some("health secretary"));
    // A name in apposition is the speaker.
    let text = "Ms Ruiz answered complaints from the mayor of Dunmore, Alan Pryce, that the port was closing.";
    assert_speaker_mention(text, "complaints", "Alan Pryce");
    // The agent ends at a preposition; an infinitive after it is the report's own content.
    let text =
        "Critics seized on a comment by prosecutor Alan Pryce on local radio that he would resign.";
    assert_speaker_mention(text, "comment", "prosecutor Alan Pryce");
    let c = claims(
        "Farmers welcomed assurances from the council to support the grants that parliament set.",
    );
    assert!(!c.iter().any(|c| c.speaker.as_deref() == Some("council")));
    // A phrase about the report, not its agent: the verb after it is the cue.
    let c = claims("The book included a statement from Ms Vance, written in 2010, explaining that she had left.");
    assert!(c
        .iter()
        .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "statement")));
}

#[test]
fn progressives_with_an_adverb_and_possessive_subjects() {
    let c = one("The campaign was still hoping to win the northern counties.");
    assert_eq!(c.quote.text, "to win the northern counties");
    let c = one("Later, Okafor’s campaign contended that it had broken no rules.");
    assert_eq!(
        (
            c.speaker_mention.as_ref().map(|m| m.text.as_str()),
            c.quote.text.as_str()
        ),
        (Some("Okafor’s campaign"), "that it had broken no rules")
    );
}

#[test]
fn dash_appositions_and_gerund_clauses() {
    let c = one("The justice — who has been in a dispute with the nominee — said she regretted her remarks.");
    assert_eq!(
        (
            c.speaker_mention.as_ref().map(|m| m.text.as_str()),
            c.quote.text.as_str()
        ),
        (Some("The justice"), "she regretted her remarks")
    );
    let c = one("Okafor says losing the primary has taught him patience.");
    assert_eq!(c.quote.text, "losing the primary has taught him patience");
}

#[test]
fn a_that_after_a_comma_belongs_to_a_later_clause() {
    let c = claims(
        "“I regard him as an old friend,” Delgado told the station, noting that they met in 1990.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        (c[0].kind, c[0].quote.text.as_str(), c[0].speaker.as_deref()),
        ("direct", "I regard him as an old friend", Some("Delgado"))
    );
    assert_eq!(c[1].quote.text, "that they met in 1990");
}

#[test]
fn mixed_content_runs_on_to_the_closing_mark_of_its_quotation() {
    let c = one("The senator said that “only one candidate can beat the governor. The other two cannot do it.” The race goes on.");
    assert_eq!(c.kind, "mixed");
    assert_eq!(
        c.quote.text,
        "that “only one candidate can beat the governor. The other two cannot do it.”"
    );
    let c =
        one("She often speaks of breaking “that highest, hardest glass ceiling” by being elected.");
    assert_eq!(
        c.quote.text,
        "breaking “that highest, hardest glass ceiling”"
    );
}

#[test]
fn evidence_verbs_take_a_bare_clause_or_noun_phrase() {
    let c = one("Recent polls show the senator leading the race by six points.");
    assert_eq!(c.cue_class, Some("evidence"));
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "Recent polls");
    assert_eq!(c.quote.text, "the senator leading the race by six points");
    let c = one("Court records show he owed the county nearly $4,000.");
    assert_eq!(c.quote.text, "he owed the county nearly $4,000");
}

#[test]
fn a_writers_own_first_person_beliefs_outside_quotations_are_claims() {
    let c = one("Having read the budget twice, I think the plan will cost far more than promised.");
    assert_eq!(c.cue_class, Some("thought"));
    assert_eq!(c.quote.text, "the plan will cost far more than promised");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "I");
    // Inside a quotation, the quoted speaker's "I think" is still part of the quotation.
    assert!(claims("“I think we can win,” she said.")
        .iter()
        .all(|c| c.cue.as_ref().unwrap().text == "said"));
}

#[test]
fn a_gerund_after_a_preposition_reports_for_the_sentence_subject() {
    let c = one("The mayor ended the meeting by saying the budget was already balanced.");
    assert_eq!(c.cue.as_ref().unwrap().text, "saying");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "The mayor");
    assert_eq!(c.quote.text, "the budget was already balanced");
}

#[test]
fn reported_content_ends_before_a_participle_report_of_its_own() {
    let c = claims("The governor said the plan was flawed, calling it a giveaway to donors.");
    let said = with_cue(&c, "said");
    assert_eq!(said.quote.text, "the plan was flawed");
    assert!(c.iter().any(|c| c.cue.as_ref().unwrap().text == "calling"));
}

#[test]
fn possessive_apostrophes_in_an_apposition_and_allies_as_roles() {
    let c =
        one("\"The count is not over,\" Ana Ruiz, Jones' campaign manager, said in a statement.");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "Ana Ruiz");
    let c = one("“He has been a friend for years,” said Democratic ally Tom Okafor.");
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "Democratic ally Tom Okafor"
    );
}

#[test]
fn inverted_speakers_described_before_their_name() {
    let c = one("“We will hold the line,” said Lopez campaign spokesman Dan Ortiz.");
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "Lopez campaign spokesman Dan Ortiz"
    );
    let c = one("“The river rose fast,” said Army 1st Lt. Maria Chen.");
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "Army 1st Lt. Maria Chen"
    );
    // Lowercase words may open the description, a quantifier or a number word too.
    for (text, mention) in [
        (
            "The levy may fail, said several observers.",
            "several observers",
        ),
        ("“The levy may fail,” said two aides.", "two aides"),
        (
            "“The plan is sound,” said conservative activist Dan Ortiz, who is not on the ballot.",
            "conservative activist Dan Ortiz",
        ),
        (
            "“The plan is sound,” said longtime Republican strategist Maria Chen.",
            "longtime Republican strategist Maria Chen",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.speaker_mention.as_ref().unwrap().text, mention);
        assert_eq!(c.cue.as_ref().unwrap().text, "said");
    }
}

#[test]
fn a_quotation_after_the_cue_and_its_adjuncts() {
    let c = one("Avery answered calmly, “I think the council knows that the budget is sound.”");
    assert_eq!((c.kind, c.speaker.as_deref()), ("direct", Some("Avery")));
    assert_eq!(
        c.quote.text,
        "I think the council knows that the budget is sound."
    );
    let c = one("Quill wrote to her 3,000 newsletter readers, “The vote is ours to lose,” and linked a poll.");
    assert_eq!(c.quote.text, "The vote is ours to lose");
    assert_eq!(c.cue.unwrap().text, "wrote");
    let c = one("The memo went on to say, “Fewer members renew when the fees rise.”");
    assert_eq!(c.speaker.as_deref(), Some("memo"));
    assert_eq!(c.cue.unwrap().text, "went on to say");
}

#[test]
fn a_quote_only_cue_needs_a_direct_quotation() {
    let c = one("Reyes continued, “We are proud of what this town has built.”");
    assert_eq!(
        (c.kind, c.cue.unwrap().text.as_str()),
        ("direct", "continued")
    );
    assert!(claims("Prices continued to rise in the third quarter.").is_empty());
}

#[test]
fn a_question_is_attributed_by_the_sentence_after_it() {
    let c = one("“Who pays for the new bridge?” Brandt said to a crowd of about 300.");
    assert_eq!(c.quote.text, "Who pays for the new bridge?");
    assert_eq!(c.speaker.as_deref(), Some("Brandt"));
    let c = one("“Will the mayor resign?” the challenger, Paul Brandt, wrote Sunday.");
    assert_eq!(c.speaker.as_deref(), Some("Paul Brandt"));
    let c = one("“Stop the cuts now!” the banner says.");
    assert_eq!(c.speaker.as_deref(), Some("banner"));
}

#[test]
fn a_pronoun_attribution_between_two_quotations_joins_them() {
    let text = "“The plan is not finished,” he said, “the plan is barely started.”";
    let c = one(text);
    assert_eq!(c.kind, "direct");
    assert_eq!(c.quote.fragments.map(|f| f.len()), Some(2));
}

#[test]
fn known_as_names_rather_than_attributes() {
    let text = "“There was never a deal,” said the harbour master known as Jo, speaking publicly. \
                “At no point did we sign anything.”";
    let c = one(text);
    assert_eq!(c.quote.fragments.map(|f| f.len()), Some(2));
}

#[test]
fn hyphenated_subjects_and_accusations() {
    let c = one("The self-described moderate said she would carry the district.");
    assert_eq!(c.speaker.as_deref(), Some("self-described moderate"));
    assert_eq!(c.quote.text, "she would carry the district");
    let c = one("Ortega accused Brandt of ignoring the flood reports.");
    assert_eq!(c.quote.text, "Brandt of ignoring the flood reports");
}

#[test]
fn a_statement_saying_that_reports_for_its_issuer() {
    let c = one(
        "Council President Ines Ortega issued a statement saying that the council should wait.",
    );
    assert_eq!(c.quote.text, "that the council should wait");
    assert_eq!(c.speaker.as_deref(), Some("Ines Ortega"));
}

#[test]
fn rulings_and_quantified_subjects() {
    let c = one("The judge ruled that the ballots must be counted again.");
    assert_eq!(
        (c.speaker.as_deref(), c.quote.text.as_str()),
        (Some("judge"), "that the ballots must be counted again")
    );
    assert!(claims("The committee ruled out a vote.").is_empty());
    let c = one("Some advocates for rail transit said the plan ignored the suburbs.");
    assert_eq!(c.quote.text, "the plan ignored the suburbs");
}

#[test]
fn attitude_nouns_without_a_possessor_report_an_unnamed_source() {
    let c = one("The move stoked fears that the coalition could split.");
    assert_eq!(
        (c.quote.text.as_str(), c.speaker.as_deref()),
        ("that the coalition could split", None)
    );
    assert_eq!(c.cue_class, Some("thought"));
}

#[test]
fn a_participle_report_takes_the_speaker_after_an_opening_quotation() {
    let c = claims("“It has been a long winter,” Avery said, adding that nobody expected it.");
    let adding = with_cue(&c, "adding");
    assert_eq!(adding.speaker.as_deref(), Some("Avery"));
    let c = one("When the host asked about it, Quill seized on the question, repeating that the levy would fail.");
    assert_eq!(c.speaker.as_deref(), Some("Quill"));
}

#[test]
fn a_participle_report_never_takes_its_speaker_from_inside_the_quotation() {
    // The sentence splitter cuts the quotation, so the last sentence starts inside it.
    let c = claims(
        "“I have a judge who is a hater. He’s a hater,” Avery said at a rally in Dover, adding that he believed the judge was biased.",
    );
    let adding = with_cue(&c, "adding");
    assert_eq!(adding.speaker.as_deref(), Some("Avery"));
    assert_eq!(
        adding.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Avery")
    );
}

#[test]
fn a_closing_relative_clause_is_not_reported() {
    let c = one("Residents said they had not heard anything to change their minds about Reyes, who held a meeting on Monday.");
    assert_eq!(
        c.quote.text,
        "they had not heard anything to change their minds about Reyes"
    );
}

#[test]
fn attacks_and_thanks_report_their_object() {
    let c = one("Quill blasted Brandt for his votes on the harbour fund.");
    assert_eq!(c.quote.text, "Brandt for his votes on the harbour fund");
    assert_eq!(c.cue_class, Some("speech"));
    assert!(claims("The company gave thanks to its staff.").is_empty());
}

#[test]
fn a_quotation_resumes_after_its_attribution_and_adjuncts() {
    let text = "“I think the count will be fair,” Reyes said during a visit to Millbrook on Friday, “but many people are watching.”";
    let c = one(text);
    assert_eq!(c.quote.fragments.map(|f| f.len()), Some(2));
}

#[test]
fn a_common_noun_heads_its_speaker_phrase() {
    let c = one("Green voters in Oregon said they want a faster transition.");
    assert_eq!(c.speaker.as_deref(), Some("Green voters in Oregon"));
    let c = one("The Brandt campaign said the report was false.");
    assert_eq!(c.speaker.as_deref(), Some("Brandt campaign"));
    let c = one("Former Secretary of State Mara Quill said the report was false.");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill"));
    // A `clausal` word of lexicon.tsv makes the phrase no clean noun phrase: the named
    // entity stays the better guess.
    let c = one("Protesters following Greenpeace said the plan was fair.");
    assert_eq!(c.speaker.as_deref(), Some("Greenpeace"));
}

#[test]
fn a_pronoun_skips_antecedents_of_the_other_gender() {
    let text = "Paul Brandt spoke first. Ines Ortega said the plan was vague. \
                “I don’t see details,” she said. He said the plan would pass.";
    let c = claims(text);
    let last = c.last().expect("claims");
    assert_eq!(
        last.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("He")
    );
    assert_eq!(last.speaker.as_deref(), Some("Paul Brandt"));
}

#[test]
fn quotations_signed_with_a_dash() {
    let text = "Readers wrote in.\n“The bridge should have been fixed years ago.” ― Lena Park.\n“The council is slow.” — Omar Haddad\nNext.";
    let c = claims(text);
    let signed: Vec<_> = c
        .iter()
        .map(|c| (c.speaker.as_deref(), c.quote.text.as_str()))
        .collect();
    assert_eq!(
        signed,
        vec![
            (
                Some("Lena Park"),
                "The bridge should have been fixed years ago."
            ),
            (Some("Omar Haddad"), "The council is slow.")
        ]
    );
    assert!(claims("“Fine,” — and then nothing more was said.")
        .iter()
        .all(|c| c.cue.is_none()));
}

#[test]
fn a_noun_phrase_object_runs_to_its_time_adjunct() {
    let c = one("Quill blamed the delays on “chronic underfunding” of the port on Tuesday.");
    assert_eq!(
        c.quote.text,
        "the delays on “chronic underfunding” of the port"
    );
    let c = one("He announced plans to give an additional $15 million to the group.");
    assert_eq!(
        c.quote.text,
        "plans to give an additional $15 million to the group"
    );
}

#[test]
fn an_amount_in_any_currency_does_not_end_the_content() {
    for sign in ["$", "£", "€", "¥", "₹"] {
        let text = format!("The firm said profits rose to {sign}2.3bn in the year to February.");
        let c = one(&text);
        assert_eq!(
            c.quote.text,
            format!("profits rose to {sign}2.3bn in the year to February")
        );
    }
}

#[test]
fn a_subject_with_an_age_and_a_home_town_keeps_its_clause() {
    let c = one("Police said the woman, 34, from Didcot, would appear before magistrates.");
    assert_eq!(
        c.quote.text,
        "the woman, 34, from Didcot, would appear before magistrates"
    );
    // A first parenthesis that is no age: the object ends before it.
    let c = one(
        "Republicans denounced the deal, which would cut the tax rate to 17 percent, on Tuesday.",
    );
    assert_eq!(c.quote.text, "the deal");
}

#[test]
fn a_parenthetical_attribution_before_a_gerund_subject() {
    let c = one("That merger was smooth, he said, replacing the board would be much harder.");
    assert_eq!(c.quote.fragments.map(|f| f.len()), Some(2));
    let c = one("The plan is dead, he said, speaking at a rally in Ohio.");
    assert_eq!(c.quote.text, "The plan is dead");
}

#[test]
fn a_headline_introducing_a_quotation() {
    let c = one("Advice from Judge Ortega: ‘Read the whole file.’");
    assert_eq!(c.quote.text, "Read the whole file.");
    assert_eq!(
        c.speaker_mention.map(|m| m.text),
        Some("Advice from Judge Ortega".to_string())
    );
    assert!(claims("Headline:").is_empty());
}

#[test]
fn a_headline_quotes_its_opening_name_between_single_marks() {
    let text =
        "Okafor 'will not sell' ferry\n\nDan Okafor has ruled out a sale of the island ferry.";
    let c = claims(text);
    let claim = c
        .iter()
        .find(|c| c.quote.text == "will not sell")
        .unwrap_or_else(|| panic!("no headline claim: {c:#?}"));
    assert_eq!(claim.speaker.as_deref(), Some("Dan Okafor"));
    assert_eq!(
        chars(text, [claim.quote.start, claim.quote.end]),
        "will not sell"
    );
    // A sentence with a period is no headline; "n" is one word.
    assert!(
        claims("Okafor 'will not sell' the ferry, the paper reported today in full.")
            .iter()
            .all(|c| c.quote.text != "will not sell")
    );
    assert!(claims("Rock 'n' roll hall inducts stars\n\nThe hall named five acts.").is_empty());
}

#[test]
fn shouts_and_documents_that_read() {
    let c = one("“Where is the ambulance?” she yells while running down the street.");
    assert_eq!(c.cue.unwrap().text, "yells");
    let c = one("“Our support for the library is not negotiable,” the petition reads.");
    assert_eq!(c.speaker.as_deref(), Some("petition"));
    assert!(claims("She reads the letter aloud.").is_empty());
}

#[test]
fn an_adjunct_participle_keeps_its_own_that() {
    let c = claims("“We will finish the job,” she said at a news conference announcing that the city was suing.");
    assert!(
        c.iter()
            .any(|c| c.cue.as_ref().is_some_and(|q| q.text == "said") && c.kind == "direct"),
        "{c:#?}"
    );
}

#[test]
fn possessed_participles_and_participial_openers() {
    assert!(claims("Few members spend the league's recommended 3 percent on training.").is_empty());
    let c = one("Alarmed by the audit, Brandt revised his budget, promising to focus on schools.");
    assert_eq!(c.speaker.as_deref(), Some("Brandt"));
}

#[test]
fn adverbial_openers_and_time_prepositions_are_not_subjects() {
    let c = one("Likewise, Brandt went after Quill, saying that she should step aside.");
    assert_eq!(c.speaker.as_deref(), Some("Brandt"));
    let c = one(
        "Here in Millbrook, Reyes stepped up her focus on housing, saying that rents must fall.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Reyes"));
}

#[test]
fn naming_verbs_report_their_object_and_its_label() {
    let c = one("The union branded the contract a “race to the bottom for nurses.”");
    assert_eq!(
        (c.kind, c.quote.text.as_str()),
        ("mixed", "the contract a “race to the bottom for nurses.”")
    );
}

#[test]
fn directives_report_their_addressee_and_infinitive() {
    let c = one("The family has called on the city to release the footage.");
    assert_eq!(c.cue.unwrap().text, "called on");
    assert_eq!(c.quote.text, "the city to release the footage");
    let c = one("Quill told delegates to vote their conscience.");
    assert_eq!(c.quote.text, "delegates to vote their conscience");
}

#[test]
fn questions_asked_mid_sentence_or_behind_an_adjunct() {
    let c = claims("“It will pass,” Omar Haddad said when asked how the board decides.");
    assert!(
        c.iter().any(|c| c.quote.text == "how the board decides"),
        "{c:#?}"
    );
    let c = claims("Asked on Monday whether Quill would join the cabinet, she said no.");
    assert!(
        c.iter()
            .any(|c| c.quote.text == "whether Quill would join the cabinet"),
        "{c:#?}"
    );
}

#[test]
fn a_question_is_asked_by_the_agent_of_by_or_by_no_one_named() {
    // The one asked answers; the question is not theirs, however near their name stands.
    for (text, question) in [
        (
            "Omar Haddad spoke for an hour. “It will pass,” he said when asked how the board decides.",
            "how the board decides",
        ),
        (
            "Quill toured the plant. Asked if she would run again, Quill said no.",
            "if she would run again",
        ),
        (
            "At a rally in Leeds on Friday, Quill was asked about the closures.",
            "the closures",
        ),
    ] {
        let c = claims(text);
        let asked = c.iter().find(|c| c.quote.text == question);
        assert_eq!(asked.map(|c| c.speaker.as_deref()), Some(None), "{c:#?}");
    }
    let text = "When asked by Ingraham on Thursday about the wall, Cruz said it would be built.";
    assert_speaker_mention(text, "asked", "Ingraham");
}

#[test]
fn plural_heads_and_a_new_clause_after_and() {
    let c = one(
        "The deadline passed, but lawyers for the county said this week that they would miss it.",
    );
    assert_eq!(c.speaker.as_deref(), Some("lawyers for the county"));
    let c = one("Reyes said the real obstacle to the plan is the county, and she left the stage.");
    assert_eq!(c.quote.text, "the real obstacle to the plan is the county");
}

#[test]
fn a_semicolon_ends_reported_content() {
    let c = one("Brandt aide says he'll soften his tone; the rally is set for May.");
    assert_eq!(c.quote.text, "he'll soften his tone");
}

#[test]
fn curly_marks_typed_the_wrong_way_round() {
    let c = one("“It is unusual,“ said Omar Haddad, an attorney.");
    assert_eq!(
        (c.quote.text.as_str(), c.speaker.as_deref()),
        ("It is unusual", Some("Omar Haddad"))
    );
    let c = one("Readers wrote.\n”Worry. I am afraid the levy will fail.” ― Lena Park\nNext.");
    assert_eq!(c.quote.text, "Worry. I am afraid the levy will fail.");
}

#[test]
fn a_clause_with_a_modal_past_an_inserted_phrase_is_not_an_object() {
    let c = one("The Reyes team has said renters and owners - young, old, single and married - would qualify.");
    assert_eq!(
        c.quote.text,
        "renters and owners - young, old, single and married - would qualify"
    );
}

#[test]
fn editorial_labels_are_not_speakers() {
    assert!(
        claims("Correction: An earlier version of this article misstated the date.").is_empty()
    );
    let c = one("Quill Says: “We will win.”");
    assert_eq!(c.quote.text, "We will win.");
    assert!(c.speaker.is_some_and(|s| s.starts_with("Quill")));
    // Tallies, addresses and notes after a name are no statements.
    assert!(claims("Mara Quill: 1,769. Tom Vance: 1,547.").is_empty());
    assert!(claims("Email: desk@example.com").is_empty());
    assert!(claims("Vance: Finish second.").is_empty());
    let c = one("Vance: Finish second or go home.");
    assert_eq!(c.quote.text, "Finish second or go home");
}

#[test]
fn an_expletive_clause_after_and_stays_in_the_report() {
    let c = one("The chief said that it was too early to tell, and there was “no sign” of arson.");
    assert_eq!(c.kind, "mixed");
    assert_eq!(
        c.quote.text,
        "that it was too early to tell, and there was “no sign” of arson"
    );
    let c = one("Ortega scolded him: “The engineers all disagree with you.”");
    assert_eq!(c.cue.unwrap().text, "scolded");
}

#[test]
fn a_report_closed_by_a_prepositional_adjunct_takes_the_clause_before_it() {
    let c = one("The ferry is the town's oldest boat, Avery said in an interview on Sunday.");
    assert_eq!(c.quote.text, "The ferry is the town's oldest boat");
    assert_eq!(c.speaker.as_deref(), Some("Avery"));
    // An adverbial clause before the attribution is no report.
    assert!(
        claims("As the storm moved east over the hills, Avery responded on Sunday.").is_empty()
    );
}

#[test]
fn a_contracted_auxiliary_after_a_pronoun_is_no_possessive() {
    let c = one("Mara Quill spoke on Monday. She’s said she will not seek a second term.");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill"));
    assert_eq!(c.speaker_mention.unwrap().text, "She");
    assert_eq!(c.quote.text, "she will not seek a second term");
}

#[test]
fn a_personal_pronoun_is_the_whole_subject() {
    let c = one("The Reyes campaign spoke on Monday. Yet they say the count is not over.");
    assert_eq!(c.speaker_mention.unwrap().text, "they");
    assert_eq!(c.quote.text, "the count is not over");
}

#[test]
fn an_as_clause_attributes_the_main_clause() {
    let c = one("As the Millbrook Ledger noted last week, the mayor has not held a press conference since May.");
    assert_eq!(c.speaker.as_deref(), Some("Millbrook Ledger"));
    assert_eq!(
        c.quote.text,
        "the mayor has not held a press conference since May"
    );
    // "As X spoke" tells the time.
    assert!(claims("As Avery spoke, the crowd in the square grew quiet.").is_empty());
}

#[test]
fn a_coordinated_past_predicate_after_a_comma_ends_the_content() {
    let c = one("Avery said the count was fair, but requested a second one anyway.");
    assert_eq!(c.quote.text, "the count was fair");
    let c = one("The county said the road would open in June, and moved the budget vote to May.");
    assert_eq!(c.quote.text, "the road would open in June");
}

#[test]
fn a_participle_after_an_attribution_takes_its_speaker() {
    let c = claims(
        "The bakery on Elm Street will close in March, Haddad said, adding, “We tried everything.”",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[1].cue.as_ref().unwrap().text, "adding");
    assert_eq!(c[1].speaker.as_deref(), Some("Haddad"));
    // A gerund before the comma is no attribution: the sentence subject reports.
    let c = claims("Spokesperson Lena Park repeated the plan during a press briefing, asserting that the town would rebuild.");
    let asserting = with_cue(&c, "asserting");
    assert_eq!(asserting.speaker.as_deref(), Some("Lena Park"));
}

#[test]
fn a_named_report_after_a_comma_starts_a_new_claim() {
    let c = claims("Although Avery acknowledged the pool had closed early this summer, Ortega also noted two broken pumps.");
    let acknowledged = with_cue(&c, "acknowledged");
    assert_eq!(
        acknowledged.quote.text,
        "the pool had closed early this summer"
    );
    // A report nested in another keeps it whole.
    let c = claims(
        "The Ledger reported that last month, Mayor Lena Park stated that she would resign.",
    );
    let reported = with_cue(&c, "reported");
    assert_eq!(
        reported.quote.text,
        "that last month, Mayor Lena Park stated that she would resign"
    );
}

#[test]
fn a_quoted_title_before_that_does_not_block_the_complement() {
    let c = one("Avery told “Millbrook Morning” that the count would resume on Monday.");
    assert_eq!(c.quote.text, "that the count would resume on Monday");
    assert_eq!(c.kind, "indirect");
}

#[test]
fn a_clause_without_that_after_the_person_told_is_the_content() {
    for (text, content) in [
        (
            "Avery told the Ledger the count would resume on Monday.",
            "the count would resume on Monday",
        ),
        (
            "Ms Pell told reporters a deal was close.",
            "a deal was close",
        ),
        (
            "Avery told the head of the council the count would resume.",
            "the count would resume",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, content, "{text}");
        assert_eq!(c.kind, "indirect");
    }
}

#[test]
fn a_described_name_opening_a_second_clause_speaks_for_it() {
    let c = claims(
        "The council said the fees would fall, but Dana Pell, its finance chief, warned that costs were rising.",
    );
    let warned = with_cue(&c, "warned");
    assert_eq!(warned.speaker.as_deref(), Some("Dana Pell"));
    assert_eq!(warned.quote.text, "that costs were rising");
    assert_eq!(with_cue(&c, "said").speaker.as_deref(), Some("council"));
}

#[test]
fn a_name_described_by_a_possessive_phrase_speaks() {
    for text in [
        "Pell's agent, Tom Avery, said the striker was disappointed.",
        "His spokesman, Tom Avery, said the striker was disappointed.",
    ] {
        let c = one(text);
        assert_eq!(c.speaker.as_deref(), Some("Tom Avery"), "{text}");
        assert_eq!(c.quote.text, "the striker was disappointed");
    }
}

#[test]
fn a_quotation_after_another_attribution_is_the_next_reports_content() {
    let c = claims(
        "Lena Park joined in, writing to the council on Friday, “The pool must reopen,” she said.",
    );
    let said = with_cue(&c, "said");
    assert_eq!(said.quote.text, "The pool must reopen");
    assert_eq!(said.kind, "direct");
}

#[test]
fn one_content_is_reported_once() {
    let c = one("Avery said in a statement that the bridge would reopen in May.");
    assert_eq!(c.cue.unwrap().text, "said");
    let c = one("Avery expressed concern that the bridge would not reopen in May.");
    assert_eq!(c.speaker.as_deref(), Some("Avery"));
    // A source cited for a report keeps its own claim on the same content.
    let c = claims("The Millbrook Ledger, citing Paul Brandt, a former engineer, said the bridge would reopen in May.");
    assert_eq!(c.len(), 2, "{c:#?}");
}

#[test]
fn a_participle_report_in_the_attribution_does_not_break_the_turn() {
    let text = "“The roof leaks. The walls are cracked,” said Brandt, speaking of the old school. “Nobody wants to fix it.”";
    let c = claims(text);
    let said = with_cue(&c, "said");
    let fragments = said.quote.fragments.clone().expect("two fragments");
    let slice = |span| chars(text, span);
    assert_eq!(slice(fragments[1]), "Nobody wants to fix it.");
    assert!(c.iter().any(|c| c.quote.text == "the old school"));
}

#[test]
fn a_report_noun_among_the_adjuncts_does_not_stop_the_quotation() {
    let c =
        one("Avery told the Millbrook Ledger in a written statement: “The fair will go ahead.”");
    assert_eq!(
        (c.kind, c.speaker.as_deref(), c.quote.text.as_str()),
        ("direct", Some("Avery"), "The fair will go ahead.")
    );
}

#[test]
fn reports_closed_by_the_person_told() {
    let c = one("The pool will reopen in May, a town spokesman told the Millbrook Ledger.");
    assert_eq!(c.quote.text, "The pool will reopen in May");
    assert_eq!(c.speaker_mention.unwrap().text, "a town spokesman");
}

#[test]
fn quantified_subjects_and_contents() {
    let c = one("Most Millbrook voters overall said the pool should stay open.");
    assert_eq!(c.quote.text, "the pool should stay open");
    let c = one("Reyes says too many roads are in poor repair.");
    assert_eq!(c.quote.text, "too many roads are in poor repair");
}

#[test]
fn a_cited_quotation_is_no_source() {
    let c = claims("Mayor Lena Park, citing the \"strong ticket sales,\" said the fair would run a second week.");
    let said = with_cue(&c, "said");
    assert!(said
        .speaker
        .as_ref()
        .is_some_and(|s| s.ends_with("Lena Park")));
    assert_eq!(said.quote.text, "the fair would run a second week");
    // What she cites is the content of her report "citing".
    let cited = with_cue(&c, "citing");
    assert_eq!(cited.speaker, said.speaker);
    assert_eq!(cited.quote.text, "the \"strong ticket sales,\"");
}

#[test]
fn what_a_speaker_cites_is_reported_by_that_speaker() {
    for (text, speaker, cited) in [
        (
            "“It is frustration,” Dana Reyes said, citing low growth, unemployment and inequality.",
            "Dana Reyes",
            "low growth, unemployment and inequality",
        ),
        (
            "The Ledger, citing internal documents, reported that the fair lost money.",
            "Ledger",
            "internal documents",
        ),
        (
            "The mill cut 500 jobs, citing weak demand.",
            "mill",
            "weak demand",
        ),
    ] {
        let c = claims(text);
        let claim = with_cue(&c, "citing");
        assert_eq!(claim.speaker.as_deref(), Some(speaker), "{text}");
        assert_eq!(claim.quote.text, cited, "{text}");
    }
}

#[test]
fn a_prepositional_adjunct_between_name_and_cue_is_skipped() {
    let c = one("Avery in a blog post said the library needs new shelves.");
    assert_eq!(c.speaker_mention.unwrap().text, "Avery");
    assert_eq!(c.quote.text, "the library needs new shelves");
}

#[test]
fn a_comma_inside_a_closing_mark_ends_the_content_before_a_new_clause() {
    let c = claims("Avery said the move would be “slow,” adding, “Nothing here is fast.”");
    let said = with_cue(&c, "said");
    assert!(said.quote.text.starts_with("the move would be “slow"));
    assert!(!said.quote.text.contains("adding"), "{said:#?}");
}

#[test]
fn adverbs_and_time_openers_are_no_subjects() {
    let c =
        one("Mara Quill, as well as her staff, has always maintained that the audit was routine.");
    assert!(c.speaker.is_some_and(|s| s.ends_with("Quill")));
    let c = claims("Six years ago, he ran for the council and said, “The park needs a new fence.”");
    let said = with_cue(&c, "said");
    assert_eq!(said.speaker_mention.as_ref().unwrap().text, "he");
}

#[test]
fn a_relative_that_is_no_complementizer() {
    let c = one("Avery said the demands that were made on the council had doubled.");
    assert_eq!(
        c.quote.text,
        "the demands that were made on the council had doubled"
    );
    let c = one("Avery said that the council had doubled its demands.");
    assert_eq!(c.quote.text, "that the council had doubled its demands");
}

#[test]
fn cues_used_in_other_senses_report_nothing() {
    assert!(claims("Avery maintains a small bakery on Elm Street.").is_empty());
    assert!(claims("Reyes spoke Spanish at the fair on Saturday.").is_empty());
    assert!(claims("The club has 40 pledged donors this year.").is_empty());
    let c = one("Avery has always maintained that the count was fair.");
    assert_eq!(c.quote.text, "that the count was fair");
    let c = one("Reyes spoke briefly about the closing of the mill.");
    assert_eq!(c.quote.text, "the closing of the mill");
    // "feel" reports a clause, not a state.
    assert!(claims("Avery felt ill after the long meeting.").is_empty());
    assert!(claims("The town feels alive again after the festival.").is_empty());
    let c = one("Avery felt that the count had been rushed.");
    assert_eq!(c.quote.text, "that the count had been rushed");
    // "a group called X" names the group; a subject "called" someone something.
    assert!(claims("Vance now leads a small charity called Bridges for All.").is_empty());
    assert!(claims("A warm-up band called “Sophistafunk” played first.").is_empty());
    let c = one("One councillor called Vance “a reckless gambler” on Monday.");
    assert_eq!(c.cue.unwrap().text, "called");
    // A noun-like base form before an auxiliary is a noun.
    let c = one("The Ledger report was misleading, aides complained.");
    assert_eq!(c.cue.unwrap().text, "complained");
    assert!(claims("The jobs report will be released on Friday.").is_empty());
    // Nor does "prove" report a quality ("proved popular").
    assert!(claims("The ferry plan proved popular with commuters.").is_empty());
    let c = one("The audit proved that the count had been fair.");
    assert_eq!(c.quote.text, "that the count had been fair");
}

#[test]
fn an_infinitive_subject_continues_the_content_around_an_attribution() {
    let c = one("It would be wise, engineers said, for the town to close the bridge.");
    let fragments = c.quote.fragments.expect("two fragments");
    assert_eq!(fragments.len(), 2);
    assert_eq!(
        c.quote.text,
        "It would be wise, engineers said, for the town to close the bridge"
    );
}

#[test]
fn a_noun_like_cue_after_a_modifier_is_a_noun() {
    assert!(claims("A simple question remains about the budget for the pool.").is_empty());
    assert!(claims("The final conference call ran late on Tuesday.").is_empty());
    // Subjects and quotations introduced by the noun still count.
    let c = one("Many residents question the plan to close the pool.");
    assert_eq!(c.quote.text, "the plan to close the pool");
    let c = one("Avery gave her full comment: “The pool stays open.”");
    assert_eq!(c.quote.text, "The pool stays open.");
}

#[test]
fn each_share_of_a_poll_reports_its_own_content() {
    let c = claims("Of the voters polled, 21 percent said the pool should close and 14 percent said it should stay open.");
    let texts: Vec<&str> = c.iter().map(|c| c.quote.text.as_str()).collect();
    assert_eq!(
        texts,
        ["the pool should close", "it should stay open"],
        "{c:#?}"
    );
}

#[test]
fn a_postposed_speaker_keeps_the_affiliation_after_the_name() {
    let c = one("“The ferry is late again,” said Tobias Quill of the Eastbrook Institute of Maritime Studies.");
    assert_eq!(c.quote.text, "The ferry is late again");
    assert_eq!(c.speaker.as_deref(), Some("Tobias Quill"));
}

#[test]
fn a_raising_verb_reports_through_its_infinitive() {
    let c = one("Ortega continued to question whether the ferry was safe.");
    assert_eq!(c.cue.as_ref().unwrap().text, "continued to question");
    assert_eq!(c.quote.text, "whether the ferry was safe");
    assert_eq!(c.speaker.as_deref(), Some("Ortega"));
    // Not after a noun: "the right to say" reports nothing.
    assert!(claims("The ferry crew won the right to say no to night trips.").is_empty());
}

#[test]
fn a_relative_clause_and_a_time_adjunct_between_subject_and_cue() {
    let c = with_cue(
        &claims("Pell, who ran the ferry for a decade, last week said the fares were too high."),
        "said",
    )
    .clone();
    assert_eq!(c.quote.text, "the fares were too high");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
}

#[test]
fn a_name_before_two_appositions_speaks() {
    let c = one("“The ferry is slow,” Dana Pell, the mayor of Eastbrook, a town of fishermen, said on Sunday.");
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    // An opener before the name is no speaker.
    let c = one("However, Dana Pell, the mayor, said that the ferry was slow.");
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
}

#[test]
fn a_first_person_possessive_subject_speaks() {
    let c = one("“The tide waits for no one,” my father often said.");
    assert_eq!(c.speaker.as_deref(), Some("my father"));
}

#[test]
fn a_coordinated_noun_phrase_opening_the_sentence_speaks() {
    let c = one("Experts on tides and river safety said the new boat was fine.");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Experts on tides and river safety")
    );
    let c = one("But Pell and Ortega agreed that the ferry was safe.");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "Pell and Ortega");
}

#[test]
fn a_subject_after_a_semicolon_and_a_report_after_an_adjunct() {
    let c = one("The forecast is grim; Pell's crew says the ferry will sail anyway.");
    assert_eq!(c.speaker.as_deref(), Some("Pell's crew"));
    let c = one("Pell said after the vote she would stay on.");
    assert_eq!(c.quote.text, "she would stay on");
    // "after" opening a clause of its own is no adjunct.
    assert!(
        claims("The ferry is a local issue, as Pell suggested after she won the vote.")
            .iter()
            .all(|c| c.quote.text != "she won the vote")
    );
}

#[test]
fn a_subordinate_clause_or_a_new_subject_after_a_comma_ends_the_content() {
    let c = one("Pell said the fares were fair, while the board wanted them lower.");
    assert_eq!(c.quote.text, "the fares were fair");
    let c = one("Pell said the fares were fair, but the board disagreed.");
    assert_eq!(c.quote.text, "the fares were fair");
    // A coordinated part of the same report stays.
    let c = one("Pell said the fares were high, but not for students.");
    assert_eq!(c.quote.text, "the fares were high, but not for students");
    let c = one("Pell argued that, while the fares were high, the ferry was worth it.");
    assert_eq!(
        c.quote.text,
        "that, while the fares were high, the ferry was worth it"
    );
}

#[test]
fn a_parenthetical_attribution_with_the_person_told() {
    let c = one("In any case, Pell told the Ledger, the fares would fall.");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
    assert_eq!(
        c.quote.text,
        "In any case, Pell told the Ledger, the fares would fall"
    );
    assert_eq!(c.quote.fragments.as_ref().map(Vec::len), Some(2));
}

#[test]
fn an_absolute_construction_reports_for_its_noun_phrase() {
    let c =
        one("The ferry lost riders, with 38 percent of commuters saying they would rather drive.");
    assert_eq!(c.speaker.as_deref(), Some("38 percent of commuters"));
    assert_eq!(c.quote.text, "they would rather drive");
    // "with" before a clause boundary is no absolute construction.
    let c = claims("Pell restarted her quarrel with Avery on Monday after writing a sharp letter.");
    assert!(
        c.iter().all(|c| c.speaker.as_deref() == Some("Pell")),
        "{c:#?}"
    );
}

#[test]
fn a_participle_takes_the_subject_of_the_clause_before_its_comma() {
    let c = claims("The next week, a former ferry captain filed a lawsuit against the town, claiming the dock was unsafe.");
    let c = with_cue(&c, "claiming");
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "a former ferry captain"
    );
    let c = claims("On Sunday, at a fair in Eastbrook, Pell was equally direct, claiming the ferry was unsafe.");
    let c = with_cue(&c, "claiming");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
}

#[test]
fn a_coordinated_predicate_ends_a_noun_phrase_object() {
    let c = one("Pell claimed victory and was sworn in the next week.");
    assert_eq!(c.quote.text, "victory");
    let c = one("The council praised the ferry plan and offered to pay for a second boat.");
    assert_eq!(c.quote.text, "the ferry plan");
    // An adjective before a noun and its verb is no predicate.
    let c = one("Pell said the wind and unsettled seas could last all week.");
    assert_eq!(
        c.quote.text,
        "the wind and unsettled seas could last all week"
    );
}

#[test]
fn unquoted_words_after_a_colon_run_to_the_end_of_the_paragraph() {
    let c = claims("Pell added: The council never listens. Its members do not ride the ferry.\n\nThe vote is on Monday.");
    let c = with_cue(&c, "added");
    assert_eq!(
        c.quote.text,
        "The council never listens. Its members do not ride the ferry"
    );
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
}

#[test]
fn a_quotation_continued_in_the_next_paragraph_is_direct_without_its_marks() {
    for (open, close) in [("\"", "\""), ("“", "”")] {
        let text = format!(
            "Pell said: {open}The council never listens.\n\n{open}Its members do not ride the \
             ferry.{close}\n\nThe vote is on Monday."
        );
        let c = claims(&text);
        let c = with_cue(&c, "said");
        assert_eq!(c.kind, "direct");
        let fragments = c.quote.fragments.clone().expect("two paragraphs");
        let words: Vec<String> = fragments.iter().map(|&f| chars(&text, f)).collect();
        assert_eq!(
            words,
            [
                "The council never listens.",
                "Its members do not ride the ferry."
            ]
        );
    }
}

#[test]
fn an_event_noun_in_ing_is_no_cue_but_a_report_noun_is() {
    let c = one("Zhao Lijian told a regular news briefing that Washington should stop.");
    assert_eq!(c.cue.map(|q| q.text).as_deref(), Some("told"));
    assert_eq!(c.speaker.as_deref(), Some("Zhao Lijian"));
    let c = one("Pell issued a stern warning that the ferry would close.");
    assert_eq!(c.cue.map(|q| q.text).as_deref(), Some("warning"));
}

#[test]
fn a_noun_phrase_object_keeps_a_short_parenthesis_and_ends_at_following() {
    let c = one("Avery called on Gov. Dana Pell (R) to fix the ferry schedule.");
    assert_eq!(c.quote.text, "Gov. Dana Pell (R) to fix the ferry schedule");
    let c = one("Avery called for a review of the ferry following the storm.");
    assert_eq!(c.quote.text, "a review of the ferry");
    let c = one("Avery posted the following picture to her page.");
    assert_eq!(c.quote.text, "the following picture to her page");
}

#[test]
fn questions_in_the_passive_or_behind_an_adjunct() {
    let c = claims("Pell was asked about the ferry schedule, and she shrugged.");
    let c = with_cue(&c, "asked about");
    assert_eq!(c.quote.text, "the ferry schedule");
    assert!(c.speaker.is_none());
    let c = claims("When asked which ferry was safest, Pell declined to answer.");
    assert_eq!(with_cue(&c, "asked").quote.text, "which ferry was safest");
    let c = claims("Asked at a meeting why the ferry was late, Pell blamed the tide.");
    assert_eq!(with_cue(&c, "Asked").quote.text, "why the ferry was late");
    let c = claims("Riders were also asked to rank the ferry routes.");
    assert_eq!(with_cue(&c, "asked").quote.text, "to rank the ferry routes");
}

#[test]
fn a_possessed_role_after_the_cue_and_a_counted_time_adjunct() {
    let c = one("“The ferry is late,” said Pell’s campaign manager.");
    assert_eq!(c.speaker.as_deref(), Some("Pell’s campaign manager"));
    let c = one("“The ferry is late,” Pell said 30 minutes into the meeting.");
    assert_eq!(c.quote.text, "The ferry is late");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
}

#[test]
fn a_long_noun_phrase_opening_its_sentence_is_the_subject() {
    let c = one(
        "More than half of the riders in the Ledger/Eastbrook survey said the town needs more ferries.",
    );
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "More than half of the riders in the Ledger/Eastbrook survey"
    );
}

#[test]
fn the_commas_of_a_place_name_do_not_block_the_complementizer() {
    let c = one("Pell said Monday at a meeting of the harbour board in Eastbrook, Ohio, that the fares must fall.");
    assert_eq!(c.quote.text, "that the fares must fall");
    // A relative "that" far from the cue is no complementizer.
    let c = one("Pell praised the ferry as the backbone of the small island economy and of the many families that live there.");
    assert_eq!(
        c.quote.text,
        "the ferry as the backbone of the small island economy and of the many families that live there"
    );
}

#[test]
fn a_participle_inside_an_adjunct_does_not_block_the_complementizer() {
    let c = one("Pell had said in an interview taped before the storm that the fares must fall.");
    assert_eq!(c.quote.text, "that the fares must fall");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
}

#[test]
fn quoted_as_saying_reports_for_the_subject() {
    let c = one("Mr Okafor was quoted as saying the ferry would be sold.");
    assert_eq!(c.quote.text, "the ferry would be sold");
    assert_eq!(c.speaker.as_deref(), Some("Mr Okafor"));
}

#[test]
fn a_gerund_object_of_a_proposal() {
    let c = one("Pell proposes scrapping the ferry fee.");
    assert_eq!(c.quote.text, "scrapping the ferry fee");
    let c = one("Avery has mentioned raising the ferry budget.");
    assert_eq!(c.quote.text, "raising the ferry budget");
}

#[test]
fn adverbs_and_time_words_inside_the_cue() {
    let c = one("Pell is once again questioning the ferry schedule.");
    assert_eq!(c.quote.text, "the ferry schedule");
    let c = claims("Pell complained about the timetable, even suggesting it was rigged.");
    assert_eq!(with_cue(&c, "suggesting").quote.text, "it was rigged");
    let c = one("Avery called Monday for an audit of the ferry logs.");
    assert_eq!(c.cue.as_ref().unwrap().text, "called Monday for");
    assert_eq!(c.quote.text, "an audit of the ferry logs");
}

#[test]
fn parenthetical_attributions_with_an_object_or_a_time_word() {
    let c = one("The point, Pell told me on Sunday, is that the ferry is faster.");
    assert_eq!(c.quote.fragments.as_ref().map(Vec::len), Some(2));
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
    let c = one("The problem, the captain said then, was that the ferry had sunk.");
    assert_eq!(c.quote.fragments.as_ref().map(Vec::len), Some(2));
}

#[test]
fn a_gerund_subject_is_no_opening_adjunct() {
    let c = one("Rising fuel costs could strand the riders who depend on the ferry, Mr. Pell said in an interview.");
    assert_eq!(
        c.quote.text,
        "Rising fuel costs could strand the riders who depend on the ferry"
    );
    assert_eq!(c.speaker.as_deref(), Some("Mr. Pell"));
}

#[test]
fn the_nearest_finite_verb_gives_a_participle_its_subject() {
    let c = claims("In a long letter to the paper last spring, two riders urged Pell to keep the ferry, arguing that it served the island.");
    let c = with_cue(&c, "arguing");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "two riders");
}

#[test]
fn a_year_between_subject_and_cue() {
    let c = one("Ortega, who in 2010 said the ferry was a waste, changed course.");
    assert_eq!(c.speaker_mention.as_ref().unwrap().text, "who");
    assert_eq!(c.quote.text, "the ferry was a waste");
}

#[test]
fn an_apposition_after_an_opening_adjunct() {
    let c = one(
        "In a letter, one of the ferry company's lawyers, Dana Pell, said the logs were missing.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    assert_eq!(c.quote.text, "the logs were missing");
}

#[test]
fn a_described_subject_keeps_its_noun_across_an_interruption() {
    for (text, mention) in [
        (
            "The ferry company, for its part, said the logs were missing.",
            "The ferry company",
        ),
        (
            "The two lawmakers, however, argue that the logs were missing.",
            "The two lawmakers",
        ),
        (
            "One head teacher, who did not want to be named, said the logs were missing.",
            "One head teacher",
        ),
        (
            "Two residents, both in their 80s, said the logs were missing.",
            "Two residents",
        ),
    ] {
        let c = one(text);
        assert_eq!(
            c.speaker_mention.as_ref().map(|m| m.text.as_str()),
            Some(mention),
            "{text}"
        );
    }
}

#[test]
fn idioms_and_imperatives_are_no_reports() {
    for text in [
        "Having said that, the ferry is late.",
        "That said, the ferry is late.",
        "If you see Pell, please ask her about the ferry.",
    ] {
        assert!(claims(text).is_empty(), "{text}");
    }
}

#[test]
fn a_subject_with_a_parenthesis_and_a_venue_after_an_object() {
    let c = one("Pell said the ferry, owned by the county, has lost money for years.");
    assert_eq!(
        c.quote.text,
        "the ferry, owned by the county, has lost money for years"
    );
    let c = one("Pell claimed success in a radio interview on Tuesday.");
    assert_eq!(c.quote.text, "success");
}

#[test]
fn an_unquoted_paragraph_after_a_colon_ending_its_sentence() {
    let c = claims("Pell added:\n\nThe council never listens. Its members do not ride the ferry.\n\nThe vote is on Monday.");
    let c = with_cue(&c, "added");
    assert_eq!(
        c.quote.text,
        "The council never listens. Its members do not ride the ferry"
    );
}

#[test]
fn aspect_verbs_and_a_closing_time_adjunct() {
    let c = one("Pell keeps saying the ferry is late.");
    assert_eq!(c.cue.as_ref().unwrap().text, "keeps saying");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
    assert_eq!(c.quote.text, "the ferry is late");
    let c =
        claims("The ferry will run a night service in June, a spokesman announced Sunday evening.");
    let c = with_cue(&c, "announced");
    assert_eq!(c.quote.text, "The ferry will run a night service in June");
}

#[test]
fn a_negated_gerund_keeps_the_content() {
    let c = one(
        "Avery said she respects the council's habit of praising but not endorsing the ferry plan.",
    );
    assert_eq!(
        c.quote.text,
        "she respects the council's habit of praising but not endorsing the ferry plan"
    );
}

#[test]
fn a_participle_after_a_preposition_is_an_adjective() {
    let c = claims("Despite repeated warnings, the crew sailed on.");
    assert!(c.is_empty(), "{c:#?}");
}

#[test]
fn a_parenthetical_attribution_with_an_adjunct() {
    let c = one("Most riders, Pell noted earlier in the meeting, were happy with the ferry.");
    assert_eq!(c.quote.fragments.as_ref().map(Vec::len), Some(2));
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
    // A quotation after the adjunct is the content on its own.
    let c = claims("In the spring, Pell proclaimed at a news conference, “The ferry will run.”");
    assert_eq!(with_cue(&c, "proclaimed").quote.text, "The ferry will run.");
}

#[test]
fn a_noun_phrase_object_runs_on_through_including_and_such_as() {
    let c = one("Pell blamed three things for the delays, including the storms and the fog.");
    assert_eq!(
        c.quote.text,
        "three things for the delays, including the storms and the fog"
    );
}

#[test]
fn a_spaced_dash_ends_a_noun_phrase_object_but_a_hyphen_does_not() {
    let c = one("Critics would call them fairy tales - the plan still needs a vote.");
    assert_eq!(c.quote.text, "them fairy tales");
    let c = one("Pell praised the low- and middle-income fare plan.");
    assert_eq!(c.quote.text, "the low- and middle-income fare plan");
}

#[test]
fn a_named_speaker_saying_behind_adjuncts_and_a_told_time_adjunct() {
    let c = claims("The ad ends with footage of Pell saying during the meeting last week, “The ferry stays,” to cheers.");
    let c = with_cue(&c, "saying");
    assert_eq!(c.quote.text, "The ferry stays");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
    let c = one("Pollster Dana Pell told radio host Tom Avery on Monday why the ferry matters to the island.");
    assert_eq!(c.quote.text, "why the ferry matters to the island");
}

#[test]
fn adding_a_thing_is_no_report() {
    assert!(claims("The ferry line added 300 riders in June.").is_empty());
    let c = one("Pell added that the ferry would run on Sunday.");
    assert_eq!(c.quote.text, "that the ferry would run on Sunday");
}

#[test]
fn a_that_after_an_accusation_gerund_belongs_to_it() {
    let c = claims("Pell blasted the council for claiming that the ferry was safe.");
    let c = with_cue(&c, "blasted");
    assert_eq!(
        c.quote.text,
        "the council for claiming that the ferry was safe"
    );
}

#[test]
fn a_noun_phrase_after_an_objectless_cue_keeps_its_that() {
    let c = claims("Pell said the long hours that the ferry job brings wear her down.");
    let c = with_cue(&c, "said");
    assert_eq!(
        c.quote.text,
        "the long hours that the ferry job brings wear her down"
    );
    // A time word or a prepositional adjunct still lets the complementizer through.
    let c = one("Pell said in a statement that the ferry would run.");
    assert_eq!(c.quote.text, "that the ferry would run");
}

#[test]
fn a_noun_like_cue_after_one_is_a_noun() {
    assert!(claims("One Tweet Settles The Ferry Debate").is_empty());
    let c = one("No one tweets about the ferry anymore, Pell said.");
    assert_eq!(c.cue.as_ref().unwrap().text, "said");
}

#[test]
fn cues_at_the_edges_of_a_text_do_not_panic() {
    for text in [
        " said ",
        "said",
        "Pell saying",
        "Pell said after",
        "Asked",
        "was asked",
        "keeps saying",
        "Pell told the Ledger on",
        "Pell added:",
        "continued to",
        "— said",
        "“Yes,” said",
        "One Tweet",
        "Pell, who in 2010 said",
    ] {
        let _ = claims(text);
    }
}

#[test]
fn a_dash_introduces_a_quotation_like_a_colon() {
    let c = claims(
        "Mara Quill spoke at the rally in Dunmore. She added - “We will not give up on this \
         town.”",
    );
    let c = with_cue(&c, "added");
    assert_eq!(c.kind, "direct");
    assert_eq!(c.quote.text, "We will not give up on this town.");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill"));
}

#[test]
fn coordinated_speakers_are_one_speaker_of_all_of_them() {
    for text in [
        "Tom Burton and Nick Vance said the deal was fair.",
        "“We are very happy with the result,” said Tom Burton and Nick Vance.",
    ] {
        let c = one(text);
        assert_eq!(
            c.speaker.as_deref(),
            Some("Tom Burton and Nick Vance"),
            "{text}"
        );
        assert_eq!(c.speaker_type.map(|l| l.as_str()), Some("PER"));
    }
}

#[test]
fn markup_left_in_the_text_does_not_hide_a_quotation() {
    let c = one(
        "The mayor opened the bridge.</p>\n<p class=\"lead\">\"It is safe and it is open,\" \
         Mara Quill said.</p>",
    );
    assert_eq!(c.kind, "direct");
    assert_eq!(c.quote.text, "It is safe and it is open");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill"));
}

#[test]
fn a_passive_cue_reports_for_its_by_agent() {
    let c = one("The minister was criticised by Tom Vance for “abandoning the north”.");
    assert_eq!(c.speaker.as_deref(), Some("Tom Vance"));
    assert_eq!(c.cue.unwrap().text, "criticised");
    assert_eq!(c.quote.text, "abandoning the north");
}

#[test]
fn an_inverted_cue_takes_coordinated_names() {
    let c = one("“We are very happy with the result,” reply Burton and Nick, the two founders.");
    assert_eq!(c.cue.unwrap().text, "reply");
    assert_eq!(c.speaker.as_deref(), Some("Burton and Nick"));
    assert_eq!(c.quote.text, "We are very happy with the result");
}

#[test]
fn a_subject_read_leftwards_stops_at_a_wh_word_or_a_copula() {
    for (text, speaker) in [
        (
            "The council voted to ban the event, in what officials called a reckless move.",
            "officials",
        ),
        (
            "That is why critics say the levy will hurt small farms.",
            "critics",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.speaker_mention.unwrap().text, speaker, "{text}");
    }
}

#[test]
fn a_parenthesis_between_cue_and_that_keeps_the_clause() {
    for (text, cue) in [
        (
            "Mr Pell warned, however, that the targets were distorting priorities.",
            "warned",
        ),
        (
            "The minister said, in fact, that the targets were distorting priorities.",
            "said",
        ),
        (
            "The minister said, on Radio Dunmore, that the targets were distorting priorities.",
            "said",
        ),
        (
            "The minister said — in an interview — that the targets were distorting priorities.",
            "said",
        ),
        (
            "The minister said (in 2008) that the targets were distorting priorities.",
            "said",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.cue.as_ref().unwrap().text, cue);
        assert_eq!(c.quote.text, "that the targets were distorting priorities");
    }
    // An aside of more than six words is no parenthesis: the clause after it is no content
    // of the cue.
    let c = claims(
        "The minister said, after the long and bitter meeting in the town hall, that it was over.",
    );
    assert!(
        c.iter().all(|c| c.quote.text != "that it was over"),
        "{c:#?}"
    );
}

#[test]
fn a_clause_without_that_after_a_parenthesis_or_an_adjunct_is_the_content() {
    for (text, content) in [
        (
            "Mr Pell said, however, the targets were distorting priorities.",
            "the targets were distorting priorities",
        ),
        (
            "Ms Vance said, in an interview on Radio Dunmore, she was staying in the race.",
            "she was staying in the race",
        ),
        (
            "The minister said — on Twitter — the vote had been rigged.",
            "the vote had been rigged",
        ),
        (
            "Mr Pell said on Tuesday the ferry would not run.",
            "the ferry would not run",
        ),
        (
            "The council said in a statement the company would appeal.",
            "the company would appeal",
        ),
        (
            "Quill reported on his disclosure forms a speaking fee was paid.",
            "a speaking fee was paid",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, content, "{text}");
    }
    // Past a verb or a second preposition the adjunct is no longer the cue's, and a noun
    // phrase with a participle is no clause.
    for text in [
        "Quill said on Sunday in Dunmore as the crowd roared.",
        "Pell advised, in no particular order, a business group tied to the port.",
        "Even if Pell narrows the gap to, say, single digits, the race is lost.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:#?}", claims(text));
    }
}

#[test]
fn a_speech_noun_after_a_modifier_heads_the_subject_of_the_next_cue() {
    for text in [
        "The latest tweet said the ferry was late.",
        "Pell's final comment suggested the ferry was late.",
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, "the ferry was late", "{text}");
    }
}

#[test]
fn after_a_time_adjunct_a_noun_phrase_and_any_finite_verb_are_the_content() {
    for (text, content) in [
        (
            "Mr Pell said on Sunday the country faced a hard winter.",
            "the country faced a hard winter",
        ),
        (
            "Ms Vance said on Monday the ferry runs at a loss.",
            "the ferry runs at a loss",
        ),
        (
            "Quill said on Friday his party won the seat.",
            "his party won the seat",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, content, "{text}");
    }
    // After another adjunct the verb may belong to a relative clause: no content without an
    // auxiliary.
    let text = "The council said in a statement the company released on Monday.";
    assert!(claims(text).is_empty(), "{text}: {:#?}", claims(text));
}

#[test]
fn before_an_auxiliary_the_words_after_a_telling_cue_are_the_clauses_subject() {
    for (text, content) in [
        (
            "The retailer warned profits would be lower.",
            "profits would be lower",
        ),
        (
            "Mr Pell told the crowd Dunmore would pay for the ferry.",
            "Dunmore would pay for the ferry",
        ),
        (
            "Ms Vance told reporters the ferry would run.",
            "the ferry would run",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, content, "{text}");
    }
}

#[test]
fn a_speech_verb_may_open_the_sentence_before_its_source_and_quotation() {
    for (text, cue, speaker) in [
        ("Added Pell: “The ferry was late again.”", "Added", "Pell"),
        (
            "Said Ana Ruiz, who grew up in Dunmore: “The ferry was never on time.”",
            "Said",
            "Ana Ruiz",
        ),
        (
            "Said Comey, \"The thought that an error on our part would matter is wrong.\" Comey said it twice.",
            "Said",
            "Comey",
        ),
    ] {
        let c = claims(text);
        let c = with_cue(&c, cue);
        assert_eq!(c.kind, "direct", "{text}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}");
    }
    // A past form opening a headline's label is no cue: no one speaks.
    let c = claims("Revealed: What the Ferry Videos Contain Makes the Council Look Worse.");
    assert!(
        c.iter().all(|c| c.speaker.as_deref() != Some("Revealed")),
        "{c:#?}"
    );
}

#[test]
fn any_verb_after_a_quotation_and_its_speaker_is_the_cue() {
    for (text, cue, speaker) in [
        (
            "“Go back to the ferry,” Pell barked.",
            "barked",
            Some("Pell"),
        ),
        (
            "“Quiet,” Ana Ruiz snapped, and left.",
            "snapped",
            Some("Ana Ruiz"),
        ),
        ("“Let me talk,” he shot back.", "shot back", None),
    ] {
        let c = claims(text);
        let c = with_cue(&c, cue);
        assert_eq!(c.kind, "direct", "{text}");
        assert_eq!(c.speaker.as_deref(), speaker, "{text}");
    }
    // Before the quotation too, and a report inside the quotation does not hide it.
    let c = claims("Ana Ruiz shot back, “Mr Pell called them out.”");
    assert_eq!(
        with_cue(&c, "shot back").speaker.as_deref(),
        Some("Ana Ruiz")
    );
    // A verb with an object reports nothing of the quotation's.
    let c = claims("“It was a disaster,” Vance unveiled a plan for the ferry.");
    assert!(
        c.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "unveiled")),
        "{c:#?}"
    );
}

#[test]
fn a_name_described_by_a_titled_possessor_speaks() {
    let c = one("Mr. Quill's campaign chairman, Paul Brandt, said the polls were wrong.");
    assert_eq!(c.speaker.as_deref(), Some("Paul Brandt"));
    let c = one("Dr Pell's colleague, Dr Sarah Vance, said she agreed.");
    assert_eq!(c.speaker.as_deref(), Some("Sarah Vance"));
}

#[test]
fn a_company_named_with_a_possessive_ending_reports() {
    let c = claims("Sainsbury's said its results would show a recovery.");
    assert_eq!(
        with_cue(&c, "said").quote.text,
        "its results would show a recovery"
    );
    // A plural noun after a possessive is no cue: "Clinton's plans to …".
    let c = claims("Mara Quill's plans to visit Ohio were dropped.");
    assert!(
        c.iter()
            .all(|c| c.cue.as_ref().is_none_or(|q| q.text != "plans")),
        "{c:#?}"
    );
}

#[test]
fn a_participle_after_the_determiner_is_part_of_the_subject() {
    let c = one("The retired neurosurgeon said the country needed new leaders.");
    assert_eq!(
        c.speaker_mention.map(|m| m.text).as_deref(),
        Some("The retired neurosurgeon")
    );
    assert_eq!(c.quote.text, "the country needed new leaders");
}

#[test]
fn a_role_modifier_ends_no_subject() {
    // "presidential" may stand inside a role, never at the end of a source.
    let c = claims(
        "The presidential candidates briefly put away their papers and disclosed that they \
         watch cartoons.",
    );
    assert!(
        c.iter().all(|c| c
            .speaker_mention
            .as_ref()
            .is_none_or(|m| m.text != "The presidential")),
        "{c:#?}"
    );
}

#[test]
fn a_text_opening_with_a_participle_cue_has_no_subject_and_no_panic() {
    for text in [
        "saying that the plan failed.",
        "adding that the plan failed.",
    ] {
        let c = claims(text);
        assert!(c.iter().all(|c| c.speaker_mention.is_none()), "{c:#?}");
    }
}

/// A report inside a relative clause reports the relative pronoun too: it opens the content,
/// a fragment before the attribution.
#[test]
fn a_relative_pronoun_before_the_speaker_opens_the_content() {
    let text = "Pell promised a new bypass, which he said the county would pay for.";
    let c = with_cue(&claims(text), "said").clone();
    assert_eq!(c.quote.content, "which the county would pay for");
    let slice = |span| chars(text, span);
    let fragments = c.quote.fragments.expect("two fragments");
    assert_eq!(slice(fragments[0]), "which");
    assert_eq!(slice(fragments[1]), "the county would pay for");
    assert_eq!(c.quote.text, "which he said the county would pay for");
}

/// Not after a preposition: in "an interview in which he said …" the interview is no content.
#[test]
fn a_relative_pronoun_after_a_preposition_stays_out() {
    let c = claims("Pell gave an interview in which he said the county would pay for the bypass.");
    let said = with_cue(&c, "said");
    assert_eq!(said.quote.content, "the county would pay for the bypass");
    assert_eq!(said.quote.fragments, None);
}

#[test]
fn a_subject_may_carry_a_relative_clause() {
    // The speaker is the noun phrase before "who", not a name inside the clause.
    let c = one("Executives who have worked with Lachlan Murdoch say he is a careful manager.");
    assert_eq!(
        c.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Executives who have worked with Lachlan Murdoch")
    );
    assert_eq!(c.speaker.as_deref(), Some("Executives"));
    assert_eq!(c.quote.text, "he is a careful manager");
    // A clause of auxiliaries only opens no subject.
    assert!(claims("He is the judge who has been confirmed since May.")
        .iter()
        .all(|c| c.speaker.as_deref() != Some("judge")));
}

#[test]
fn a_modified_group_noun_after_the_content_is_a_source() {
    // "union officials" reads as a source like "officials": the content comes first.
    let c = one("Support is strong among teachers, union officials told the Ledger.");
    assert_eq!(c.speaker.as_deref(), Some("union officials"));
    assert_eq!(c.quote.text, "Support is strong among teachers");
}

#[test]
fn an_apposed_source_may_follow_the_content() {
    for text in [
        "The plan is dead, Mara Quill, the mayor, said.",
        "The plan is dead, Mara Quill, the mayor of Dunmore, told reporters on Monday.",
    ] {
        let c = one(text);
        assert_eq!(c.speaker.as_deref(), Some("Mara Quill"), "{text}");
        assert_eq!(c.quote.text, "The plan is dead", "{text}");
    }
}

#[test]
fn a_short_clause_before_an_attribution_with_an_adjunct_is_its_content() {
    for (text, quote) in [
        (
            "Profits rose, the firm said in a statement.",
            "Profits rose",
        ),
        (
            "Sales fell sharply, the company said on Monday.",
            "Sales fell sharply",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.quote.text, quote, "{text}");
    }
    // An opening adjunct or a name is no clause.
    assert!(claims("Last week, the firm said in a statement.").is_empty());
}

#[test]
fn an_as_clause_after_a_comma_reports_the_main_clause() {
    // Ending the sentence: the content is the clause before it.
    let text = "Invoking Weimar is a classic scare tactic, as Dana Reyes noted in The Ledger.";
    let c = claims(text);
    let claim = with_cue(&c, "noted");
    assert_eq!(
        claim.quote.text,
        "Invoking Weimar is a classic scare tactic"
    );
    assert_eq!(claim.speaker.as_deref(), Some("Dana Reyes"));
    // Inside the sentence: the content stands on both sides of it.
    let text = "Republicans, as The Ledger observed, now control both chambers in 30 states.";
    let c = claims(text);
    let claim = with_cue(&c, "observed");
    let content = &claim.quote.content;
    assert_eq!(
        content,
        "Republicans now control both chambers in 30 states"
    );
    // After an opening conjunction: the content follows its comma.
    let text = "And, as The Ledger previously reported, the mayor is the top recipient.";
    let claim = one(text);
    assert_eq!(claim.quote.text, "the mayor is the top recipient");
    // A passive names; an object after the cue makes the clause a time.
    assert!(claims("The Safe Streets Act, as the bill is called, would end the rule.").is_empty());
    let c = claims("The crowd cheered, as he announced his candidacy.");
    assert!(
        c.iter().all(|c| c.quote.text != "The crowd cheered"),
        "{c:#?}"
    );
}

#[test]
fn a_long_subject_may_follow_an_opening_adverbial() {
    for (text, cue, speaker) in [
        (
            "However, sources close to her campaign say she stands fully behind the plan.",
            "say",
            "sources close to her campaign",
        ),
        (
            "On Monday, officials familiar with the talks said a deal was near.",
            "said",
            "officials familiar with the talks",
        ),
        (
            "Rather, sources close to her campaign say she stands fully behind the plan.",
            "say",
            "sources close to her campaign",
        ),
        // "her" before a verb that is only a verb is its object, no determiner.
        (
            "Sources close to her said that she stands fully behind the plan.",
            "said",
            "Sources close to her",
        ),
        // A sentence's opening "That" before a noun is a determiner.
        (
            "That person said the hostility was bad.",
            "said",
            "That person",
        ),
    ] {
        assert_speaker_mention(text, cue, speaker);
    }
}

#[test]
fn adjuncts_after_the_cue_do_not_hide_its_content() {
    for (text, cue, content) in [
        // "during" is a preposition, not a participle that would own the "that".
        (
            "Courted by donors, Ayla Brandt said earlier on Friday during a news conference that she may wait.",
            "said",
            "that she may wait",
        ),
        // A time adjunct after the person told, before a clause without "that".
        (
            "Mara Quill told reporters last week she would rather vote for the mayor.",
            "told",
            "she would rather vote for the mayor",
        ),
        // An adverbial clause after the cue and its object is no content: the left one is.
        (
            "This is not about me, the mayor told his advisers as he labored over the speech.",
            "told",
            "This is not about me",
        ),
        // Time words before the prepositional adjunct of a left-content attribution.
        (
            "Quill was for the plan while the council was divided, he said Wednesday morning on Radio Millbrook.",
            "said",
            "Quill was for the plan while the council was divided",
        ),
    ] {
        let c = claims(text);
        assert_eq!(with_cue(&c, cue).quote.text, content, "{text}");
    }
    // "as" after "seen" belongs to the predicate; a quotation after an "as" clause is content.
    let c =
        claims("At day's end, Quill said as he introduced his wife, \"Finally, the dam broke.\"");
    assert_eq!(with_cue(&c, "said").quote.text, "Finally, the dam broke.");
}

#[test]
fn an_article_led_noun_may_take_a_participle_before_the_cue() {
    assert_speaker_mention(
        "A news report published Wednesday said the minister used a personal email account.",
        "said",
        "A news report published",
    );
}

#[test]
fn a_possessive_after_the_person_told_opens_the_content() {
    let c = claims("Mara Quill told the Ledger his firm worked closely with the council.");
    let claim = with_cue(&c, "told");
    assert_eq!(claim.quote.text, "his firm worked closely with the council");
    // Inside a coordinated object or a phrase of it, it does not.
    let c = claims("A partner at the firm told him and his fellow associates to save.");
    assert!(c.iter().all(|c| !c.quote.text.starts_with("his")), "{c:#?}");
}

#[test]
fn a_named_apposition_speaks_for_a_noun_headed_subject() {
    for (text, speaker) in [
        (
            "The director of the Eastbrook Centre, Ina Kessler, told the Ledger her group never met him.",
            "Ina Kessler",
        ),
        (
            "The Secretary of State, Jon Kerrigan, said the talks would go on.",
            "Jon Kerrigan",
        ),
    ] {
        let c = claims(text);
        let claim = c.iter().find(|c| c.cue.is_some()).expect("a claim");
        assert_eq!(claim.speaker.as_deref(), Some(speaker), "{text}");
    }
    // A name of its own keeps the subject: "The Bank of England, the central bank, said".
    let c = claims("The Bank of Eastbrook, the central bank, said rates would rise.");
    assert_eq!(
        with_cue(&c, "said").speaker.as_deref(),
        Some("Bank of Eastbrook")
    );
}

#[test]
fn a_long_subject_may_follow_an_opening_conjunction() {
    assert_speaker_mention(
        "But Cologne police say they have not yet determined it.",
        "say",
        "Cologne police",
    );
}

#[test]
fn an_apposition_between_dashes_may_follow_an_opening_participle() {
    let text = "Reached by phone on Tuesday, Ayla Brandt — who is listed as an attorney — told the Ledger she is not planning an appeal.";
    let c = claims(text);
    let claim = with_cue(&c, "told");
    assert_eq!(claim.speaker.as_deref(), Some("Ayla Brandt"));
    assert_eq!(claim.quote.text, "she is not planning an appeal");
}

#[test]
fn pointing_to_something_reports_it() {
    for (text, content) in [
        (
            "Critics point to charities that fund militant cells.",
            "charities that fund militant cells",
        ),
        (
            "Mara Quill ducked the question, pointing to her record on the council.",
            "her record on the council",
        ),
    ] {
        let c = claims(text);
        let claim = c
            .iter()
            .find(|c| c.cue.as_ref().is_some_and(|q| q.text.starts_with("point")))
            .unwrap_or_else(|| panic!("no pointing claim: {c:#?}"));
        assert_eq!(claim.quote.text, content, "{text}");
    }
    // "point" as a noun reports nothing.
    assert!(claims("There is no point to the exercise.").is_empty());
}

#[test]
fn a_date_after_the_cue_is_a_time_adjunct() {
    for text in [
        "\"This is a radical group,\" Dana Reyes said Dec. 6 on Radio Millbrook.",
        "\"This is a radical group,\" Dana Reyes said December 6, 2015, in Eastbrook.",
    ] {
        let c = claims(text);
        assert_eq!(
            with_cue(&c, "said").quote.text,
            "This is a radical group",
            "{text}"
        );
    }
}

#[test]
fn a_name_before_a_prepositional_phrase_is_no_apposed_speaker() {
    let text = "The mayor warned the chief, Ayla Brandt, during their meeting not to close the pool, said an official who was briefed on it.";
    let c = claims(text);
    let said = with_cue(&c, "said");
    assert_eq!(
        said.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("an official")
    );
}

#[test]
fn talking_about_something_reports_it() {
    let c = claims("Dana Reyes talked about the bridge for an hour.");
    assert_eq!(
        with_cue(&c, "talked about").quote.text,
        "the bridge for an hour"
    );
    // "talk" as a noun reports nothing.
    assert!(
        claims("The council said that talk of dissent masked its own divisions.")
            .iter()
            .all(|c| c.cue.as_ref().is_some_and(|q| q.text == "said"))
    );
}

#[test]
fn a_relative_clause_between_dashes_reports_for_its_antecedent() {
    for text in [
        "Senator Ted Cruz — who says Trump is attacking him — left early.",
        "Senator Ted Cruz - who says Trump is attacking him - left early.",
    ] {
        let c = one(text);
        assert_eq!(c.speaker_mention.as_ref().unwrap().text, "who", "{text}");
        assert_eq!(c.speaker.as_deref(), Some("Ted Cruz"), "{text}");
        assert_eq!(c.quote.text, "Trump is attacking him", "{text}");
    }
    // A spaced hyphen sets off the parenthesis after the subject like a dash.
    let text = "Mayor Dana Pell - who once said she would close the ferry - said on Monday that it will stay open.";
    let c = claims(text);
    let texts: Vec<(&str, &str)> = c
        .iter()
        .map(|c| {
            (
                c.speaker_mention.as_ref().unwrap().text.as_str(),
                c.quote.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("who", "she would close the ferry"),
            ("Mayor Dana Pell", "that it will stay open")
        ]
    );
    assert!(c.iter().all(|c| c.speaker.as_deref() == Some("Dana Pell")));
}

#[test]
fn a_long_parenthesis_may_stand_between_the_cue_and_its_that() {
    let c = one("Smith said, in an interview with CNN on Sunday, that the plan was dead.");
    assert_eq!(c.quote.text, "that the plan was dead");
}

#[test]
fn a_quotation_resumes_after_the_speaker_s_apposition() {
    let c = one("“This used to be our back yard,” said Rafael Pant, director of studies at the institute in London, “but it is now theirs.”");
    assert_eq!(c.speaker.as_deref(), Some("Rafael Pant"));
    assert_eq!(
        c.quote.content,
        "This used to be our back yard but it is now theirs."
    );
}

#[test]
fn an_inverted_attribution_may_stand_inside_its_content() {
    for (text, content) in [
        (
            "Any fair reading of the deal, said Ann Roe, an expert on Russia, would see it as a retreat.",
            "Any fair reading of the deal would see it as a retreat",
        ),
        ("The plan, said Pell, is dead.", "The plan is dead"),
    ] {
        let c = one(text);
        assert_eq!(c.quote.content, content, "{text}");
    }
    // A clause before the comma is the whole content.
    let c = one("The plan is dead, said Pell, who was there.");
    assert_eq!(c.quote.text, "The plan is dead");
}

#[test]
fn a_parenthesis_between_dashes_may_be_long_and_quote() {
    let text = "GOP front-runner Dana Pell - who previously said she would \"sink the [expletive] out of\" the ferries run by the Island Authority - said at a rally that the pier will close.";
    let c = claims(text);
    let main = c
        .iter()
        .find(|c| c.quote.text == "that the pier will close")
        .unwrap_or_else(|| panic!("no claim of the main clause: {c:#?}"));
    assert_eq!(main.speaker.as_deref(), Some("Dana Pell"));
}

#[test]
fn a_described_name_after_its_content_speaks() {
    let c = one("Facebook created the tool for crises, a spokeswoman, Anna White, said on Saturday, and it has used it five times.");
    assert_eq!(c.speaker.as_deref(), Some("Anna White"));
    assert_eq!(
        c.quote.content,
        "Facebook created the tool for crises and it has used it five times"
    );
}

#[test]
fn a_parenthesis_after_the_person_told_stands_before_the_that() {
    let c = one("Sources told the Ledger, however, that the mayor did chime in.");
    assert_eq!(c.speaker.as_deref(), Some("Sources"));
    assert_eq!(c.quote.text, "that the mayor did chime in");
}

#[test]
fn a_participle_after_a_dash_reports_for_the_subject() {
    for text in [
        "Dana Pell changed her pick on the spot – saying she was rooting for the Lions.",
        "Dana Pell changed her pick on the spot — saying she was rooting for the Lions.",
    ] {
        let c = one(text);
        assert_eq!(c.speaker.as_deref(), Some("Dana Pell"), "{text}");
        assert_eq!(c.quote.text, "she was rooting for the Lions", "{text}");
    }
}

#[test]
fn a_share_of_those_polled_reports_through_its_relative_clause() {
    for (text, share, content) in [
        (
            "Most voters back the plan, including 18% who say they would pay more.",
            "18%",
            "they would pay more",
        ),
        (
            "Pell won 40 percent and another 12 percent who say they might vote for her.",
            "12 percent",
            "they might vote for her",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.speaker_mention.as_ref().unwrap().text, "who", "{text}");
        assert_eq!(c.speaker.as_deref(), Some(share), "{text}");
        assert_eq!(c.quote.text, content, "{text}");
    }
}

#[test]
fn a_long_parenthesis_after_the_subject_is_skipped() {
    let c = one("Sen. Dana Pell (a Connecticut Democrat so very young she has often been mistaken for a junior staffer) says she was unfocused.");
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    assert_eq!(c.quote.text, "she was unfocused");
}

#[test]
fn a_plural_possessor_speaks_for_its_nominal_cue() {
    for (text, speaker) in [
        (
            "Rates stayed low, belying budget hawks’ warnings that they would soar.",
            "budget hawks",
        ),
        (
            "Rates stayed low, belying Sanders’ warnings that they would soar.",
            "Sanders",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.speaker_mention.as_ref().unwrap().text, speaker, "{text}");
        assert_eq!(c.quote.text, "that they would soar", "{text}");
    }
}

#[test]
fn a_focus_word_may_open_the_adverbial_clause_before_the_subject() {
    let c = one("Even if the vote fails, Dana Pell — the mayor — said the ferry will stay.");
    assert_eq!(c.speaker.as_deref(), Some("Dana Pell"));
    assert_eq!(c.quote.text, "the ferry will stay");
}

#[test]
fn a_quotation_after_an_opening_adverb_goes_on_the_turn_before() {
    let c = one("“We were not happy,” said Tom Vance, head of policy at the council. Now, “within the town there is a consensus.”");
    assert_eq!(c.speaker.as_deref(), Some("Tom Vance"));
    assert_eq!(
        c.quote.content,
        "We were not happy within the town there is a consensus."
    );
}

#[test]
fn the_person_asked_stands_outside_the_question() {
    for (text, question) in [
        (
            "Dana Pell asked Mara Quill whether the ferry would run.",
            "whether the ferry would run",
        ),
        (
            "The host then asked him which states he could win.",
            "which states he could win",
        ),
        (
            "Dana Pell asked Quill Friday how the plan would work.",
            "how the plan would work",
        ),
    ] {
        assert_eq!(one(text).quote.text, question, "{text}");
    }
    // A directive keeps its addressee.
    let c = one("Dana Pell asked Mara Quill to drop the plan.");
    assert_eq!(c.quote.text, "Mara Quill to drop the plan");
}

#[test]
fn a_quotation_after_that_and_an_adjunct_is_part_of_the_clause() {
    for text in [
        "Dana Pell said that in 2009, “I called all my lenders and asked for extensions.”",
        "Dana Pell said that, frankly, “we will win this.”",
    ] {
        let c = one(text);
        assert!(
            c.quote.text.starts_with("that"),
            "{text}: {:?}",
            c.quote.text
        );
        assert_eq!(c.kind.to_string(), "mixed", "{text}");
    }
}

#[test]
fn a_body_named_after_someone_is_one_subject() {
    let c = one("The Pell campaign has responded to the charge by pointing to her record.");
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "The Pell campaign"
    );
}

#[test]
fn a_cue_coordinated_inside_an_adverbial_clause_has_the_clause_s_subject() {
    for (text, speaker) in [
        (
            "Some in the crowd booed, and when Dana Pell thanked Miami and said it was great to be home, a man yelled.",
            "Dana Pell",
        ),
        (
            "Mara Quill became a target this year, after some of her followers attacked her skills and even questioned her identity.",
            "some of her followers",
        ),
    ] {
        let c = claims(text);
        let said = c
            .iter()
            .find(|c| c.cue.as_ref().is_some_and(|q| q.text == "said" || q.text == "questioned"))
            .unwrap_or_else(|| panic!("{c:#?}"));
        assert_eq!(said.speaker_mention.as_ref().unwrap().text, speaker, "{text}");
    }
    // A preposition "as" before an adjective opens no clause.
    let c = claims(
        "Dana Pell praised Quill as the most qualified person ever to run and said she would win.",
    );
    assert_eq!(with_cue(&c, "said").speaker.as_deref(), Some("Dana Pell"));
}

#[test]
fn a_participle_after_a_coordinated_clause_has_that_clause_s_subject() {
    let c = claims(
        "Protest groups say the rules are unfair, and the Civil Liberties Union has sued the city, saying they violate free speech.",
    );
    let saying = with_cue(&c, "saying");
    assert_eq!(
        saying.speaker_mention.as_ref().unwrap().text,
        "the Civil Liberties Union"
    );
}

#[test]
fn an_adverbial_clause_s_subject_may_take_an_apposition() {
    for text in [
        "The talks soured, as Dana Pell, contradicting Quill, said the town would not pay.",
        "The talks soured when Dana Pell, the mayor, said the town would not pay.",
    ] {
        let c = claims(text);
        assert_eq!(
            with_cue(&c, "said").speaker.as_deref(),
            Some("Dana Pell"),
            "{text}"
        );
    }
}

#[test]
fn an_irregular_past_gives_a_participle_its_subject() {
    let c = one(
        "The city's top adviser on the budget went further, arguing the plan could make the deficit worse.",
    );
    assert_eq!(
        c.speaker_mention.as_ref().unwrap().text,
        "The city's top adviser on the budget"
    );
}

#[test]
fn an_inverted_source_may_be_described_at_length() {
    let quote = "“We know exactly what the plan will cost us all,”";
    for source in [
        // A participle opening the description is an adjective; the name has an affiliation.
        "undecided Republican voter Jane Roe of Derry",
        // A participle before a preposition opens a reduced relative clause.
        "a source involved in the council’s talks",
        // A title chain of ten words.
        "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell",
    ] {
        let text = format!("{quote} said {source}.");
        assert_speaker_mention(&text, "said", source);
    }
    // A relative clause after the source is no part of it.
    let text = format!("{quote} said one owner of a shop that sells shoes.");
    assert_speaker_mention(&text, "said", "one owner of a shop");
}

#[test]
fn a_sentence_connective_does_not_hide_the_apposed_subject() {
    let text =
        "But Asa Khalif, an organizer with the Dunmore coalition, said the marchers wanted change.";
    assert_speaker_mention(text, "said", "Asa Khalif");
}

#[test]
fn names_apposed_to_a_capitalised_description_are_the_subject() {
    let text =
        "The two leading Republicans, Dana Pell and Senator Tom Reed, said the deal was bad.";
    assert_speaker_mention(text, "said", "Dana Pell and Senator Tom Reed");
}

#[test]
fn a_list_of_names_before_and_is_one_subject() {
    assert_speaker_mention(
        "Dana Pell, Tom Reed and Mara Quill said the deal was bad.",
        "said",
        "Dana Pell, Tom Reed and Mara Quill",
    );
    // An opening adverbial is no listed name.
    let c = claims("Yesterday, Pell and Reed said the deal was bad.");
    let mention = with_cue(&c, "said").speaker_mention.as_ref().unwrap();
    assert!(!mention.text.starts_with("Yesterday"), "{mention:?}");
}

#[test]
fn a_focus_word_may_open_the_content_clause() {
    for content in [
        "just because the plan failed does not mean it was wrong",
        "only Congress can act",
        "even Republicans agree",
    ] {
        let text = format!("Judge Dana Pell, in her dissent, said {content}.");
        let c = claims(&text);
        assert_eq!(with_cue(&c, "said").quote.text, content, "{text}");
    }
}

#[test]
fn a_clause_and_a_colon_introduce_its_subjects_quotation() {
    // The quotation after the colon is the senator's, not a turn of the governor's quote.
    let c = claims(
        "Governor Mara Quill sounded equivocal. “It is sad that we have such poor choices,” \
         she told a radio station.\n\nSenator Tom Vance delivered a blunt message to the party: \
         “It is time to quit attacking people and get on message.”\n\nThe party will try.",
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    let told = with_cue(&c, "told");
    assert_eq!(told.quote.text, "It is sad that we have such poor choices");
    let message = with_cue(&c, "delivered a blunt message to the party");
    assert_eq!(message.speaker.as_deref(), Some("Tom Vance"));
    assert_eq!(
        message.quote.text,
        "It is time to quit attacking people and get on message."
    );
    let c = one(
        "Ned Pell spoke first. Sanders delivered a snappy retort: “No one is tearing this up.”",
    );
    assert_eq!(c.speaker.as_deref(), Some("Sanders"));
    // A clause that reports through its own cue verb is the verb rules' ("adds that …: “…”").
    let c = claims("Pell adds that voters have two choices: “You either leave or you fight.”");
    assert!(
        c.iter()
            .all(|c| c.cue.as_ref().is_some_and(|q| q.text == "adds")),
        "{c:#?}"
    );
}

#[test]
fn a_statement_saying_reports_for_whoever_issued_it() {
    let c = one("Later, Mara Quill issued a brief statement Tuesday saying the bridge was safe.");
    assert_eq!(c.speaker.as_deref(), Some("Mara Quill"));
    assert_eq!(c.quote.text, "the bridge was safe");
    let c = one("The town released a statement saying the remarks were based on opinion.");
    assert_eq!(c.speaker_mention.unwrap().text, "The town");
    // Statements someone points to are not that someone's.
    let c = claims("Critics pointed to statements saying the bridge was safe.");
    assert!(
        c.iter()
            .all(|c| c.cue.as_ref().is_some_and(|q| q.text != "saying")),
        "{c:#?}"
    );
}

#[test]
fn a_time_phrase_ending_in_later_opens_no_subject() {
    let c = one("Minutes later, the Quill campaign issued a statement saying the rally was off.");
    assert_eq!(c.speaker_mention.unwrap().text, "the Quill campaign");
}

#[test]
fn a_body_after_a_possessive_name_is_the_subject() {
    let c = one("Rubio's campaign issued a statement saying the rally was postponed.");
    assert_eq!(c.speaker_mention.unwrap().text, "Rubio's campaign");
}

#[test]
fn a_section_label_before_a_colon_names_no_speaker() {
    let colon_claims = |text: &str| {
        claims(text)
            .into_iter()
            .filter(|c| c.cue.as_ref().is_some_and(|q| q.text == ":"))
            .count()
    };
    assert_eq!(
        colon_claims(
            "The Latest: Pell to give away an engraved shotgun.\n\nPell will visit Dunmore."
        ),
        0
    );
    assert_eq!(
        colon_claims(
            "BREAKING: Dunmore council votes to close the harbour.\n\nThe vote was close."
        ),
        0
    );
    // Acronyms, and speakers in capitals in a transcript, are someone.
    assert_eq!(
        colon_claims("AP: Pell chair routed money to lobbyists.\n\nThe chair said nothing."),
        1
    );
    assert_eq!(
        colon_claims("MARA QUILL: Why not debate?\n\nVENSON: This is a man who will not debate.\n\nQUILL: Why will he not debate the mayor?"),
        3
    );
}

#[test]
fn a_report_in_an_adverbial_clause_ends_at_its_comma() {
    for (text, cue, content) in [
        (
            "While Quill said that the ferry would run, he looked uneasy.",
            "said",
            "that the ferry would run",
        ),
        (
            "But when Vance said she would debate on Monday, Pell looked like the dog that caught the car.",
            "said",
            "she would debate on Monday",
        ),
        (
            "Even as they vowed to carry on regardless, the sense of urgency was evident.",
            "vowed",
            "to carry on regardless",
        ),
        (
            "The plan needs Pell, and while he said he would hold a hearing, his support is unlikely.",
            "said",
            "he would hold a hearing",
        ),
    ] {
        assert_eq!(with_cue(&claims(text), cue).quote.text, content, "{text}");
    }
    // A comma after the cue ends nothing when the sentence opens with its main clause, or when
    // the adverbial clause closed before the cue.
    for (text, content) in [
        (
            "Quill said that the ferry, which is old, would run.",
            "that the ferry, which is old, would run",
        ),
        (
            "When asked, Quill said that the ferry, which is old, would run.",
            "that the ferry, which is old, would run",
        ),
    ] {
        assert_eq!(one(text).quote.text, content, "{text}");
    }
}

#[test]
fn a_seeming_verb_makes_its_clause_the_writers_hedge() {
    let c = one("In October, Pell appeared to lose patience with the ferry company.");
    assert_eq!(
        c.quote.text,
        "Pell appeared to lose patience with the ferry company"
    );
    // PolNeAR's convention: the content leaves its cue out.
    assert_eq!(
        c.quote.content,
        "Pell to lose patience with the ferry company"
    );
    assert_eq!(c.cue.map(|q| q.text).as_deref(), Some("appeared"));
    assert!(c.speaker.is_none() && c.speaker_mention.is_none());
    let c = one("The ferry seems safe, but that could change.");
    assert_eq!(c.quote.text, "The ferry seems safe");
    let c = one("It seems likely that the ferry will close.");
    assert_eq!(c.quote.text, "likely that the ferry will close");
    // No complement: a verb of appearing, no hedge.
    assert!(claims("Pell appeared on television on Sunday.").is_empty());
    // A report through a seeming verb is the subject's own.
    let c = one("Pell seems to think the ferry will close.");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
    // A seeming verb may end the text.
    for text in [
        "Happy, it seemed",
        "It seems",
        "Pell seemed happy, it seemed",
    ] {
        claims(text);
    }
}

#[test]
fn a_hedging_adverb_makes_its_verbs_clause_the_writers_hedge() {
    let c = one("The council is reportedly weighing a new levy on ferry tickets.");
    assert_eq!(
        c.quote.text,
        "The council is reportedly weighing a new levy on ferry tickets"
    );
    assert_eq!(
        c.quote.content,
        "The council is weighing a new levy on ferry tickets"
    );
    assert_eq!(c.cue.map(|q| q.text).as_deref(), Some("reportedly"));
    assert!(c.speaker.is_none() && c.speaker_mention.is_none());
}

#[test]
fn referring_to_reports_what_the_speaker_meant() {
    let c = claims("“The ferry is late,” Pell said, referring to the morning boat.");
    let c = with_cue(&c, "referring to");
    assert_eq!(c.quote.text, "the morning boat");
    assert_eq!(c.speaker.as_deref(), Some("Pell"));
}

#[test]
fn a_sentence_opening_in_a_poll_reports_its_finding() {
    let c = one("In a Daily Courier poll released Monday, 52 percent of voters backed the levy.");
    assert_eq!(
        (
            c.cue.as_ref().map(|q| q.text.as_str()),
            c.quote.text.as_str()
        ),
        (Some("In"), "52 percent of voters backed the levy")
    );
    assert!(c
        .speaker
        .as_deref()
        .is_some_and(|s| s.contains("Daily Courier")));
    // A participle set off after the poll belongs to its phrase.
    let c =
        one("In the new Harbor Institute survey, conducted May 2-4, Quill leads by six points.");
    assert_eq!(c.quote.text, "Quill leads by six points");
    // The poll must head the phrase.
    for text in [
        "In eight of nine towns where polls were held, turnout fell sharply.",
        "In a memo released as polls closed, the board thanked its volunteers.",
        "In the polls, anyway.",
    ] {
        assert!(
            claims(text)
                .iter()
                .all(|c| c.cue.as_ref().map(|q| q.text.as_str()) != Some("In")),
            "{text}"
        );
    }
}

#[test]
fn a_parenthesis_between_the_contents_subject_and_its_verb_stays_in_the_content() {
    let c = one("Quill said the levy, despite its cost, is the harbor's best hope.");
    assert_eq!(
        c.quote.text,
        "the levy, despite its cost, is the harbor's best hope"
    );
    let c = one("Pell said that the ferry, while slow, was never late.");
    assert_eq!(c.quote.text, "that the ferry, while slow, was never late");
    // A clause already under way still ends at a comment on the report.
    let c = one("Quill said the levy is fair, despite its critics.");
    assert_eq!(c.quote.text, "the levy is fair");
}

#[test]
fn an_infinitive_after_an_interrupting_attribution_continues_the_content() {
    let c = one("It is his job, Quill said, to warn the council about the tides.");
    assert_eq!(
        c.quote.text,
        "It is his job, Quill said, to warn the council about the tides"
    );
    assert_eq!(
        c.quote.content,
        "It is his job to warn the council about the tides"
    );
    assert_eq!(c.speaker.as_deref(), Some("Quill"));
    // "to" before a noun phrase is an adjunct of the attribution.
    let c = one("The ferry was late again, Quill said, to the dismay of the council.");
    assert_eq!(c.quote.text, "The ferry was late again");
}

#[test]
fn a_predicate_after_a_quoted_name_ends_the_content() {
    let c = one("Pell called the levy “a tax on tourists” and voted against it.");
    assert_eq!(c.quote.text, "the levy “a tax on tourists”");
    let c = claims("Quill called the plan “a disgrace,” pointing to the ferry cuts.");
    assert_eq!(with_cue(&c, "called").quote.text, "the plan “a disgrace,”");
    // Modifiers of the name stay.
    let c = one("Pell called the levy “a burden” for ferry workers.");
    assert_eq!(c.quote.text, "the levy “a burden” for ferry workers");
}

#[test]
fn an_abbreviation_ending_the_content_keeps_its_dot() {
    let c = one("Pell said the deal was signed by John Smith Jr. The council agreed.");
    assert_eq!(c.quote.text, "the deal was signed by John Smith Jr.");
    let c = one("Pell said the ferry was late.");
    assert_eq!(c.quote.text, "the ferry was late");
}

#[test]
fn an_endorsed_name_is_the_whole_content() {
    let c = one("On Friday, Mara Quill endorsed Tom Pell at a news conference in Dunmore.");
    assert_eq!(c.quote.text, "Tom Pell");
    // Cues that take a complement keep it ("described Pell as …").
    let c = one("Mara Quill described Tom Pell as a reliable partner.");
    assert_eq!(c.quote.text, "Tom Pell as a reliable partner");
}

#[test]
fn a_programme_told_in_quotation_marks_is_no_content() {
    let quote = "We will not raise the ferry fares";
    for told in [
        "Pell told BBC Radio 4's \"Today\" programme.",
        "Pell told \"Good Morning Dunmore\" on Monday.",
        "Pell told \"Fox and Friends,\" adding that the port was busy.",
    ] {
        let text = format!("The minister was calm. \"{quote},\" {told}");
        let c = claims(&text);
        assert_eq!(with_cue(&c, "told").quote.text, quote, "{text}");
        assert!(
            c.iter().all(|c| c.quote.text != quote || c.cue.is_some()),
            "{text}"
        );
    }
    // A quotation introduced by a comma still continues the turn, short or not.
    let c = claims(
        "The minister was calm. \"We will not raise the fares,\" Pell told reporters, \"Never.\"",
    );
    assert_eq!(
        with_cue(&c, "told").quote.content,
        "We will not raise the fares Never."
    );
}

#[test]
fn a_relative_clause_after_the_person_told_is_no_content() {
    let quote = "We need a new ferry";
    let text = format!("The crowd cheered. \"{quote},\" Pell told a crowd that filled the hall.");
    assert_eq!(with_cue(&claims(&text), "told").quote.text, quote);
    // A complementizer still opens the content.
    let c =
        claims("The crowd cheered. \"We need a ferry,\" Pell told a crowd that the port was busy.");
    assert_eq!(with_cue(&c, "told").quote.text, "that the port was busy");
}

#[test]
fn a_name_in_ly_before_the_cue_is_no_adverb() {
    let c = one("Fans' group Voice of Dunnerly said the ferry fares were too high.");
    assert_eq!(c.quote.text, "the ferry fares were too high");
    // A lowercase adverb inside a noun phrase still makes the participle no cue.
    assert!(claims("The broadly criticized plan was dropped.").is_empty());
}
