//! Golden tests of the text-dump extractor on small news dumps of our own, one per kind of page
//! chrome or article shape the block choice must get right: what each page must keep (its first
//! and last body paragraph) and what it must drop.

use claimtrail_article::dump::extract_dump;

const MENU: &str = "Skip to content\nHome\nWorld\nPolitics\nBusiness\nSport\nCulture\nSearch\n";
const FOOTER: &str =
    "About us\nContact us\nPrivacy policy\nTerms of use\n© 2024 The Daily Example\n";

fn page(body: &str, after: &str) -> String {
    format!("{MENU}\n{body}\n{after}\n{FOOTER}")
}

fn assert_keeps(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

fn assert_drops(text: &str, unwanted: &[&str]) {
    for w in unwanted {
        assert!(!text.contains(w), "kept {w:?} in:\n{text}");
    }
}

#[test]
fn prose_in_a_language_without_listed_function_words_is_kept() {
    // Indonesian: none of its function words are in the extractor's lists, so only the shape of
    // the sentences (length, commas, a final stop) tells the prose from the menu.
    let body = "Jembatan kota akan dibuka kembali bulan depan\n\n\
        Pemerintah kota mengumumkan pada hari Senin bahwa perbaikan jembatan utama akan selesai sebelum akhir tahun, meskipun hujan deras sempat menghentikan pekerjaan selama dua minggu.\n\n\
        Wali kota mengatakan kepada wartawan bahwa anggaran tambahan sudah disetujui oleh dewan, sehingga para pekerja dapat bekerja dalam dua giliran setiap hari.\n\n\
        Warga yang tinggal dekat jembatan mengeluhkan kemacetan panjang, tetapi sebagian besar mendukung perbaikan itu karena jembatan lama sudah retak.\n";
    let a = extract_dump(&page(body, "Berita terkait\nBerita populer\n"));
    assert_keeps(
        &a.text,
        &["Pemerintah kota mengumumkan", "Warga yang tinggal"],
    );
    assert_drops(&a.text, &["Politics", "About us", "Berita terkait"]);
}

#[test]
fn a_teaser_stream_whose_blurbs_link_on_does_not_follow_a_short_article() {
    // A short article, the page's widgets, then other stories: a headline and a blurb that ends
    // by linking on ("More…"). The blurbs are sentences, enough together to pay for the
    // widgets between them and the article; their link on marks them as teasers.
    let body = "Password manager adds one-time codes\n\n\
        The password manager's new version for the Mac can now create the one-time codes that many services ask for at login, a feature its phone app has had for a year.\n\n\
        Users scan a code from the service's settings page with the app's new scanner window, and the app then shows a fresh code every thirty seconds.\n\n\
        The update costs nothing for existing users and needs the latest version of the system.\n";
    let widgets =
        "Read comments\n(1 post)\nForum on the topic:\nSoftware for the Mac\nTweet\nMail\n\
        Print version\nAds\nIssue 2/2015\nArchive\n";
    let stream = "Phone maker patches its systems\n\n\
        The phone maker shipped a bundle of security fixes with Wednesday's updates, and older versions of its desktop system get them too. More…\n\n\
        Former chief criticises the new law\n\n\
        The company's former chief said the state's new law was a mistake and that the company should have spoken out much earlier than it did. More…\n\n\
        Watch orders may take weeks\n\n\
        Delivery dates for the watch appeared briefly in the online store, and some models will take as long as six weeks to reach buyers. More…\n\n\
        Developer tools updated as well\n\n\
        Besides the two system updates the company brought three of its own developer applications up to date, with support for the new touch technology. More…\n";
    let a = extract_dump(&page(body, &format!("{widgets}\n{stream}")));
    assert_keeps(
        &a.text,
        &["new version for the Mac", "needs the latest version"],
    );
    assert_drops(&a.text, &["security fixes", "six weeks", "Developer tools"]);
}

#[test]
fn a_comment_thread_after_the_article_goes_without_a_heading() {
    // Readers' comments under their names ("Sheri says"), no "Comments" heading above them: the
    // comments are prose, more of it than the article.
    let body = "An easy spray keeps beetles off the beans\n\n\
        A spray of garlic, onion and a little soap, blended with water and strained, kept the beetles off our beans all summer without harming the bees.\n\n\
        Spray the leaves in the evening, once a week and after rain, and test it on a single leaf first, since some plants do not like the soap.\n";
    let comment = |n: usize| {
        format!(
            "Thanks for the recipe, it worked on my squash too and the bugs were gone within a week of spraying, number {n}.\n"
        )
    };
    let thread: String = [
        "Sheri says",
        "Jenny says",
        "Mark Roe says:",
        "Anne says",
        "Tim says",
    ]
    .iter()
    .enumerate()
    .map(|(i, who)| format!("{who}\n{}\nReply\n", comment(i)))
    .collect();
    let a = extract_dump(&page(body, &thread));
    assert_keeps(&a.text, &["A spray of garlic", "test it on a single leaf"]);
    assert_drops(&a.text, &["Thanks for the recipe", "Sheri says"]);
}

#[test]
fn a_comment_thread_known_by_its_reply_buttons_goes() {
    // Readers' comments under a name and a date, each closed by its "Reply" button, after a
    // comment form: no "says" line and no heading, and the comments hold more prose than the
    // article.
    let body = "Facebook tracks people who never signed up\n\n\
        The company collects data on people without accounts through the buttons and pixels that other websites embed on their pages, researchers said on Thursday.\n\n\
        Blocking the trackers limits some of the collection, but the researchers said the law should require the company to ask first.\n";
    let comment = |n: usize| {
        format!(
            "I deleted my account years ago and still get the ads, so this does not surprise me at all, reader {n}.\n\n\
            The law should make them notify everyone whose data they hold, account or no account.\n"
        )
    };
    let thread: String = ["Anonymous", "Lars", "Ed B.", "Anonymous"]
        .iter()
        .enumerate()
        .map(|(i, who)| format!("{who}\nApril {}, 2018\n{}reply\n", i + 5, comment(i)))
        .collect();
    let form = "View comments (27)\nYour name *\nComment *\nLeave this field blank\n";
    let a = extract_dump(&page(body, &format!("{form}{thread}")));
    assert_keeps(
        &a.text,
        &["The company collects data", "the law should require"],
    );
    assert_drops(
        &a.text,
        &["I deleted my account", "notify everyone", "Lars"],
    );
}

#[test]
fn a_section_headed_response_does_not_end_the_article() {
    // "Response" and "Comment" alone are section headings as often as comment headers; only a
    // plural or a count ("3 Responses") opens the comments.
    let body = "Council rejects the harbour plan\n\n\
        The city council voted on Monday to reject the harbour redevelopment plan, saying the developer had not answered questions about flooding and traffic.\n\n\
        The plan would have replaced two warehouses with apartments and a hotel, and the developer had promised a public walkway along the water.\n\n\
        Response\n\n\
        The developer said it would study the council's objections before deciding what to do next.\n";
    let a = extract_dump(&page(
        body,
        "3 Responses\n\nGreat news for the neighbourhood, finally someone listened to us and the council did the right thing.\n",
    ));
    assert_keeps(
        &a.text,
        &["The city council voted", "study the council's objections"],
    );
    assert_drops(&a.text, &["Great news for the neighbourhood"]);
}

#[test]
fn a_comment_form_ends_the_article() {
    let body = "Library extends its opening hours\n\n\
        The central library will open until nine in the evening from next month, after a survey found that most of its readers could only visit after work.\n\n\
        The longer hours will be paid for by a grant from the regional government, which has promised to fund them for at least two years.\n";
    let a = extract_dump(&page(
        body,
        "Leave a Reply Cancel reply\n\nYour email address will not be published. Required fields are marked *\n\nComment\n\nName *\n\nEmail *\n\n\
         Save my name, email, and website in this browser for the next time I comment.\n\n\
         We welcome comments that are relevant to the article and respectful of other readers, and we remove those that are abusive or off topic.\n",
    ));
    assert_keeps(&a.text, &["The central library", "at least two years."]);
    assert_drops(
        &a.text,
        &["email address", "Save my name", "We welcome comments"],
    );
}

#[test]
fn a_list_of_short_sections_closing_the_article_is_kept() {
    // Each item is a small island of prose between a heading and a link line; shed one by one
    // as teasers they would take half the article with them. Only a little prose, relative to
    // what stays, goes from an edge: the last item alone looks like a teaser and may go.
    let mut body = String::from(
        "What is new in the city's cycling plan\n\n\
         The city published its new cycling plan on Tuesday, after two years of consultation with residents, shop owners and the bus company.\n\n\
         The plan adds forty kilometres of protected lanes and, according to the transport department, it will be finished before the end of the decade.\n\n",
    );
    for (head, text) in [
        ("Protected lanes", "Kerbs will separate the new lanes from traffic on the six busiest streets of the centre."),
        ("Bike parking", "Every station will get covered racks for two hundred bicycles and a small repair stand."),
        ("School streets", "Streets outside primary schools will close to cars for half an hour at the start of the day."),
        ("Night lighting", "The riverside path will be lit all night, which cyclists have asked for since it opened."),
        ("Rental bikes", "The rental scheme will double in size and reach the northern districts for the first time."),
    ] {
        body.push_str(&format!("{head}\n\n{text}\n\nLearn more about {}\n\n", head.to_lowercase()));
    }
    let a = extract_dump(&page(&body, ""));
    assert_keeps(
        &a.text,
        &[
            "The city published",
            "Kerbs will separate",
            "The riverside path",
        ],
    );
    assert_drops(&a.text, &["Privacy policy"]);
}

#[test]
fn a_headline_list_after_the_article_keeps_its_blurb_out() {
    // Headlines are lines of a sentence's length without a sentence's end: the longer they are,
    // the more they weigh as chrome, so a run of them keeps the teaser after it out.
    let body = "Port strike ends after three weeks\n\n\
        Dock workers voted on Friday to end a three-week strike that had stranded hundreds of containers and forced ships to wait outside the harbour.\n\n\
        The union said its members had won a pay rise of six percent over two years, and that the port authority had agreed to hire forty more crane drivers.\n\n\
        The port authority said the backlog of containers would take at least a week to clear, and it asked importers to be patient with the delays.\n\n\
        Related coverage\n\n\
        Shipping companies count the cost of the long strike\n\n\
        Harbour pilots warn of a shortage of trained staff\n\n\
        New container terminal to open on the northern quay\n\n\
        City council approves the plan for a second ferry line\n\n\
        Regional airport reports its busiest summer in ten years\n\n\
        Rail freight grows as lorry drivers face new tolls\n\n\
        Fishermen protest against the expansion of the port\n\n\
        Tourist numbers rise again after two quiet years in town\n\n\
        A new exhibition at the maritime museum looks back at two centuries of trade through the harbour and the people who worked on its docks.\n";
    let a = extract_dump(&page(body, ""));
    assert_keeps(
        &a.text,
        &["Dock workers voted", "to be patient with the delays."],
    );
    assert_drops(&a.text, &["Shipping companies", "maritime museum"]);
}

#[test]
fn a_closing_bio_without_a_byline_goes() {
    // A dump whose byline the extractor did not read: the bio's name is no listed author, so
    // its shape tells it (a name, "is a", a writing trade; the name nowhere in the story).
    let body = "Ferry crews to get new rest rules\n\n\
        Ferry crews on the island routes will work shorter shifts from next month, after the maritime authority agreed new rest rules with the seafarers' union on Tuesday.\n\n\
        The rules limit a crew member's shift to ten hours and require eleven hours of rest between shifts, down from the fourteen-hour days that some crews said they had worked.\n\n\
        The operators said they would hire forty more crew members to keep the timetable, and that fares would not rise this year to pay for them.\n\n\
        Tomasz Wren\n\n\
        Tomasz Wren is a freelance writer based in Leeds. He has written about shipping and ports for a decade.\n";
    let a = extract_dump(&page(body, "Follow us on X\n"));
    assert_keeps(&a.text, &["Ferry crews on the island", "to pay for them."]);
    assert_drops(&a.text, &["Tomasz Wren", "freelance writer"]);
}

#[test]
fn a_related_box_before_half_the_article_goes() {
    // A related box (heading, headlines, writers, dates) after the first paragraph: the article
    // resumes below it, so its lines go and the paragraphs on both sides stay.
    let body = "Ferry crews to get new rest rules\n\n\
        Ferry crews on the island routes will work shorter shifts from next month, after the maritime authority agreed new rest rules with the seafarers' union on Tuesday.\n\n\
        Related\n\nIsland fares to rise in the spring\n\nJane Smith\n\nMarch 3, 2024\n\nNew pier opens on the north shore\n\nTom Brown\n\nMarch 1, 2024\n\n\
        The rules limit a crew member's shift to ten hours and require eleven hours of rest between shifts, down from the fourteen-hour days that some crews said they had worked.\n\n\
        The operators said they would hire forty more crew members to keep the timetable, and that fares would not rise this year to pay for them.\n\n\
        The union said it would check the rosters every month, and that crews who work longer shifts can report it to the maritime authority.\n\n\
        The new rules come into force in June, and the authority will review them after the first winter timetable.\n";
    let a = extract_dump(&page(body, "Most read\nFollow us on X\n"));
    assert_keeps(
        &a.text,
        &[
            "Ferry crews on the island",
            "The rules limit",
            "after the first winter timetable.",
        ],
    );
    assert_drops(
        &a.text,
        &[
            "Island fares",
            "Jane Smith",
            "March 3, 2024",
            "New pier opens",
            "Tom Brown",
        ],
    );
}

#[test]
fn a_refrain_stays_and_a_page_rendered_twice_is_read_once() {
    let step = "Warm up: ten minutes of easy jogging, then five short strides at race pace before the main set begins.";
    let mut body = String::from("A plan for the spring race\n\n");
    for i in 1..=3 {
        body.push_str(&format!(
            "{step}\n\nSession {i} is a run of {i} miles at a steady pace, and the coach said it should feel easy.\n\n"
        ));
    }
    let a = extract_dump(&page(&body, ""));
    assert_eq!(
        a.text.matches("Warm up: ten minutes").count(),
        3,
        "{}",
        a.text
    );
    // The same article again under the first (a mobile copy in the dump): one copy is kept.
    let story: String = (0..6)
        .map(|i| format!("Paragraph {i}: the harbour authority said on Monday that repairs to the northern pier would take until the spring.\n\n"))
        .collect();
    let a = extract_dump(&page(&format!("{story}Share\n\n{story}"), ""));
    assert_keeps(&a.text, &["Paragraph 0:", "Paragraph 5:"]);
    assert_eq!(a.text.matches("Paragraph 3:").count(), 1, "{}", a.text);
}
