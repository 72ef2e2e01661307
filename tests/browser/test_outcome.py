"""A checklist states its outcome once the ticks meet its rules, and says so to screen readers."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_identification_outcome_needs_criterion_1_and_one_of_2_to_5(page: Page) -> None:
    page.goto("/checklists/identification/")
    outcome = page.locator(".pg-outcome")
    expect(outcome).to_be_hidden()
    page.check("#ident-3")
    expect(outcome).to_be_hidden()  # a criterion 2-5 alone is not enough
    page.check("#ident-1")
    expect(outcome).to_be_visible()
    expect(outcome).to_contain_text("Bilaga 1")
    expect(page.locator(".pg-progress")).to_contain_text("Patienten uppfyller kriterierna")
    page.uncheck("#ident-3")
    expect(outcome).to_be_hidden()


def test_requirements_outcome_follows_the_pump_variant(page: Page) -> None:
    page.goto("/en/checklists/before-intrathecal-treatment/")
    page.check("input[value=internal]")
    for box in page.locator("li:not(.pg-hidden) input[data-item]").all():
        box.check()
    expect(page.locator(".pg-progress")).to_have_text(
        "20 of 20 items ticked. All points for the chosen pump type are ticked, both the points about the patient"
        " and the service prerequisites. These are prerequisites for the treatment, not a treatment decision.")
    page.check("input[value=external]")  # REQ-07, 08, 17-19 now apply and are not ticked; ELIG-I1/I2 and REQ-I1-I3 are hidden
    expect(page.locator(".pg-outcome")).to_be_hidden()
    expect(page.locator(".pg-progress")).to_have_text("15 of 20 items ticked")


def test_requirements_outcome_needs_the_patient_points_too(page: Page) -> None:
    """The service prerequisites alone never show the outcome: it is not clearance for a patient."""
    page.goto("/en/checklists/before-intrathecal-treatment/")
    page.check("input[value=internal]")
    groups = page.locator(".pg-group")
    for box in groups.nth(1).locator("li:not(.pg-hidden) input[data-item]").all():
        box.check()
    expect(page.locator(".pg-outcome")).to_be_hidden()
    for box in groups.nth(0).locator("li:not(.pg-hidden) input[data-item]").all():
        box.check()
    expect(page.locator(".pg-outcome")).to_be_visible()
    page.uncheck("#elig-i2")  # one of the council's conditions for an internal pump
    expect(page.locator(".pg-outcome")).to_be_hidden()
