//! The two big-number cards that lead the results ("US candidate
//! definition: about 3 labs, 6 models", the same for the EU), each naming
//! its labs; on the full page every name shows that lab's rows in the
//! table. A one-line summary bar repeats the numbers at the top of a
//! phone's screen while a slider moves. The words come from `crate::cards`.

use std::cell::RefCell;

use web_sys::Element;

use super::dom::{append, attrs, document_of, js_err, set_attr, set_hidden, set_text, Res};
use crate::cards::{self, Card, Regime};
use crate::evaluate::Summary;
use crate::labs::{Lab, Labs};
use crate::scenario::Scenario;

/// One card's elements.
struct CardView {
    title: Element,
    definition: Element,
    about: Element,
    labs: Element,
    labs_unit: Element,
    models: Element,
    models_unit: Element,
    detail: Element,
    named: Element,
    possible: Element,
}

/// The labs a card names: those covered, and those possibly covered.
type Named = (Vec<Lab>, Vec<String>);

/// The cards, the summary bar and the Share button.
pub struct CardsPanel {
    views: [CardView; 2],
    /// The phone's summary bar (one line, sticky at the top).
    bar: Element,
    /// Whether lab names are buttons to the table (the full page).
    linked: bool,
    /// "Share this view" (the full page), and where it says what it did.
    pub share: Option<(Element, Element)>,
    /// "Embed in an article" (the full page): opens "Share or embed this
    /// view", below the table, where the snippets are.
    pub embed: Option<Element>,
    /// The element the lab buttons live in, for one click listener.
    pub area: Element,
    /// What each card's names were last written from: most changes leave
    /// them as they were, and then nothing is rewritten.
    written: RefCell<[Option<Named>; 2]>,
    /// The cards' counts and lines as last shown.
    counted: RefCell<Option<[Card; 2]>>,
}

fn regime_key(regime: Regime) -> &'static str {
    match regime {
        Regime::Us => "us",
        Regime::Eu => "eu",
    }
}

fn build_card(parent: &Element, regime: Regime) -> Res<CardView> {
    let key = regime_key(regime);
    let card = append(parent, "section", "")?;
    attrs(
        &card,
        &[
            ("class", &format!("card card-{key}")),
            ("aria-labelledby", &format!("card-{key}-title")),
        ],
    )?;
    let title = append(&card, "h3", "")?;
    attrs(
        &title,
        &[
            ("id", &format!("card-{key}-title")),
            ("class", "card-title"),
        ],
    )?;
    let definition = append(&card, "p", "")?;
    attrs(&definition, &[("class", "card-definition")])?;
    let big = append(&card, "p", "")?;
    attrs(&big, &[("class", "card-big")])?;
    let about = append(&big, "span", "about")?;
    attrs(&about, &[("class", "card-about")])?;
    let number = |name: &str| -> Res<(Element, Element)> {
        let group = append(&big, "span", "")?;
        attrs(&group, &[("class", "card-count")])?;
        let value = append(&group, "span", "")?;
        attrs(
            &value,
            &[
                ("class", "card-number"),
                ("data-card", &format!("{key}.{name}")),
            ],
        )?;
        let unit = append(&group, "span", "")?;
        attrs(&unit, &[("class", "card-unit")])?;
        Ok((value, unit))
    };
    let (labs, labs_unit) = number("labs")?;
    let (models, models_unit) = number("models")?;
    let detail = append(&card, "p", "")?;
    attrs(&detail, &[("class", "card-detail")])?;
    let named = append(&card, "p", "")?;
    attrs(
        &named,
        &[
            ("class", "card-labs"),
            ("data-card", &format!("{key}.named")),
        ],
    )?;
    let possible = append(&card, "p", "")?;
    attrs(&possible, &[("class", "card-possible")])?;
    Ok(CardView {
        title,
        definition,
        about,
        labs,
        labs_unit,
        models,
        models_unit,
        detail,
        named,
        possible,
    })
}

/// Builds the cards into `parent`, and the summary bar for the caller to
/// place (see [`CardsPanel::bar`]); `full_page` makes lab names buttons
/// and adds Share.
pub fn build(parent: &Element, full_page: bool) -> Res<CardsPanel> {
    let bar = document_of(parent)?.create_element("p").map_err(js_err)?;
    attrs(&bar, &[("class", "summary-bar"), ("aria-hidden", "true")])?;
    let area = append(parent, "div", "")?;
    attrs(&area, &[("class", "cards")])?;
    let views = [
        build_card(&area, Regime::Us)?,
        build_card(&area, Regime::Eu)?,
    ];
    let share = if full_page {
        let actions = append(parent, "div", "")?;
        attrs(&actions, &[("class", "card-actions")])?;
        let button = append(&actions, "button", "Share this view")?;
        attrs(
            &button,
            &[
                ("type", "button"),
                ("id", "share-now"),
                ("aria-describedby", "share-now-status"),
            ],
        )?;
        let embed = append(&actions, "button", "Embed in an article")?;
        attrs(
            &embed,
            &[
                ("type", "button"),
                ("id", "embed-now"),
                ("aria-controls", "share-panel"),
            ],
        )?;
        let status = append(&actions, "span", "")?;
        attrs(
            &status,
            &[
                ("id", "share-now-status"),
                ("class", "hint"),
                ("role", "status"),
            ],
        )?;
        Some(((button, status), embed))
    } else {
        None
    };
    let (share, embed) = share.map_or((None, None), |(share, embed)| (Some(share), Some(embed)));
    Ok(CardsPanel {
        views,
        bar,
        linked: full_page,
        share,
        embed,
        area,
        written: RefCell::new([None, None]),
        counted: RefCell::new(None),
    })
}

fn unit(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

impl CardsPanel {
    /// The phone's summary bar, to be placed before the layout.
    pub fn bar(&self) -> &Element {
        &self.bar
    }

    /// Shows the counts (on every step, also while a slider is held).
    pub fn show(&self, summary: &Summary, scenario: &Scenario) -> Res<()> {
        let both = cards::cards(summary, &Labs::default(), scenario);
        if self.counted.borrow().as_ref() == Some(&both) {
            return Ok(());
        }
        let [us, eu] = &both;
        // Which big numbers changed since the last counts shown (none on
        // the first): each flashes once, so that a change is seen where
        // the change line is out of view (a policy analyst tester's
        // laptop). Read from the counts kept, without copying them.
        let changed: [[bool; 2]; 2] = match self.counted.borrow().as_ref() {
            Some(was) => {
                [0, 1].map(|k| [was[k].labs != both[k].labs, was[k].models != both[k].models])
            }
            None => [[false; 2]; 2],
        };
        for ((view, card), flash) in self.views.iter().zip([us, eu]).zip(changed) {
            set_text(&view.title, card.title);
            set_text(&view.definition, &card.definition);
            set_hidden(&view.about, !card.estimated)?;
            set_text(&view.labs, &card.labs.to_string());
            set_text(&view.labs_unit, unit(card.labs, "lab", "labs"));
            set_text(&view.models, &card.models.to_string());
            set_text(&view.models_unit, unit(card.models, "model", "models"));
            set_text(&view.detail, &card.detail);
            // Two names restart the animation.
            for (element, moved) in [(&view.labs, flash[0]), (&view.models, flash[1])] {
                if moved {
                    let next = if element.get_attribute("data-flash").as_deref() == Some("a") {
                        "b"
                    } else {
                        "a"
                    };
                    set_attr(element, "data-flash", next)?;
                }
            }
        }
        set_text(
            &self.bar,
            &format!(
                "US: {} \u{00b7} EU: {}",
                cards::big_words(us),
                cards::big_words(eu)
            ),
        );
        *self.counted.borrow_mut() = Some(both);
        Ok(())
    }

    /// While a slider is held the names wait for its release (their length
    /// varies, and the page must not move under the pointer): they are
    /// marked as not current.
    pub fn hold(&self, held: bool) -> Res<()> {
        for view in &self.views {
            let class = if held { "card-labs stale" } else { "card-labs" };
            set_attr(&view.named, "class", class)?;
        }
        Ok(())
    }

    /// Names the labs (on release).
    pub fn name(&self, summary: &Summary, labs: &Labs, scenario: &Scenario) -> Res<()> {
        let both = cards::cards(summary, labs, scenario);
        let mut written = self.written.borrow_mut();
        for ((view, card), last) in self.views.iter().zip(&both).zip(written.iter_mut()) {
            let now = (card.named.clone(), card.possible.clone());
            if last.as_ref() != Some(&now) {
                self.name_card(view, card)?;
                *last = Some(now);
            }
        }
        self.hold(false)
    }

    fn name_card(&self, view: &CardView, card: &Card) -> Res<()> {
        view.named.set_text_content(None);
        if card.named.is_empty() {
            append(&view.named, "span", "No lab is covered.")?;
        } else {
            let label = if self.linked {
                "Labs (models), each showing its rows in the table: "
            } else {
                "Labs (models): "
            };
            attrs(&append(&view.named, "span", label)?, &[("class", "hint")])?;
            let key = regime_key(card.regime);
            for (i, lab) in card.named.iter().enumerate() {
                if i > 0 {
                    append(&view.named, "span", ", ")?;
                }
                let words = cards::lab_words(lab);
                if self.linked {
                    let button = append(&view.named, "button", &words)?;
                    attrs(
                        &button,
                        &[
                            ("type", "button"),
                            ("class", "lab"),
                            ("data-lab", &lab.name),
                            ("data-regime", key),
                        ],
                    )?;
                } else {
                    attrs(
                        &append(&view.named, "span", &words)?,
                        &[("class", "lab"), ("data-lab", &lab.name)],
                    )?;
                }
            }
            if card.named.iter().any(|l| !l.sure) {
                append(
                    &view.named,
                    "span",
                    " (~: in at the central estimate, not at its low end)",
                )?;
            }
            if let Some(words) = cards::shared_words(card) {
                append(&view.named, "span", words)?;
            }
        }
        match cards::possible_words(card) {
            Some(words) => {
                set_text(&view.possible, &words);
                set_hidden(&view.possible, false)
            }
            None => set_hidden(&view.possible, true),
        }
    }
}
