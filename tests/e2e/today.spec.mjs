// A real session on the group's record, with three phones and their cameras: the animator
// opens today's session (an empty place refused), checks Marcel in with a tap, adds Bernard
// who has no phone, and scans Josiane's "Je suis là" code (her need and her own levels);
// the hand-back brings each phone the session card; each gives their need (a sensitive one
// is kindly kept away from peers) and hands over; the animator forms the help groups on the
// people present and confirms them; the next hand-back tells each phone its group; helper
// and helped both log the help (one record after merge); Josiane votes, gives her short
// evaluation and writes a tip; both hand over; the animator sees the counts and the votes
// and closes; the last hand-back brings Marcel Josiane's tip.
import { test, expect } from "@playwright/test";
import { audit, shots } from "./screens.mjs";
import { assess, closeAll, createGroup, handBack, joinGroup, show, writeTip, threePhones } from "./camera/room.mjs";

test.describe.configure({ timeout: 480_000 });

/** `p` gives its session; the animator `a` scans it and sees `line` among the arrivals. */
async function handOver(p, a, aCam, line) {
  await p.getByTestId("give-session-start").click();
  await expect(p.getByTestId("qr-display")).toBeVisible();
  await show(p, [aCam]);
  await expect(a.getByTestId("arrivals")).toContainText(line, { timeout: 60_000 });
  await p.getByTestId("give-done").click();
}

test("a session with the real members: needs, groups, help logged on both sides, tips", async () => {
  const { cams, phones, pages } = await threePhones("today");
  const [aCam, mCam, jCam] = cams;
  const [a, m, j] = pages;
  try {
    // Marcel can show e-mail; Josiane has never sent one.
    await assess(m, ["Les e-mails"], "CanShow");
    await assess(j, ["Les e-mails"], "Never");
    await createGroup(a);
    await joinGroup(a, aCam, m, mCam, "Marcel");
    await joinGroup(a, aCam, j, jCam, "Josiane");

    // The animator opens today's session; an empty place is refused in plain French.
    await a.getByTestId("today-start").click();
    await expect(a.getByTestId("open-session")).toBeVisible();
    await a.screenshot({ path: `${shots}/today-open.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("session-place").fill("   ");
    await a.getByTestId("open-session-submit").click();
    await expect(a.getByTestId("exchange-error")).toContainText("Écrivez le lieu de la séance");
    await a.getByTestId("session-place").fill("Salle Rivière");
    await a.getByTestId("open-session-submit").click();
    await expect(a.getByTestId("today-card")).toContainText("Aujourd'hui : séance débutants, Salle Rivière");
    // Marcel is checked in with a tap; Bernard, who has no phone, is added by the animator.
    await a.getByTestId("today-member").filter({ hasText: "Marcel" }).getByTestId("check-in").click();
    await expect(a.getByTestId("today-member").filter({ hasText: "Marcel" }).getByTestId("present")).toBeVisible();
    await a.getByTestId("add-newcomer").click();
    await a.getByTestId("newcomer-name").fill("Bernard");
    await a.getByTestId("newcomer-topic").selectOption({ label: "Appels vidéo et messages" });
    await a.getByTestId("newcomer-submit").click();
    await expect(a.getByTestId("today-member").filter({ hasText: "Bernard" })).toContainText("Appels vidéo et messages");
    await a.getByTestId("today-done").click();

    // Josiane's phone has no session yet: she shows "Je suis là" with her need.
    await j.getByTestId("today-start").click();
    await expect(j.getByTestId("today-wait")).toBeVisible();
    await j.getByTestId("checkin-topic").selectOption({ label: "Les e-mails" });
    await j.getByTestId("show-checkin").click();
    await expect(j.getByTestId("qr-display")).toBeVisible();
    await j.screenshot({ path: `${shots}/today-i-am-here.png`, fullPage: true });
    expect(await audit(j)).toEqual([]);
    await show(j, [aCam]);
    await a.getByTestId("today-start").click();
    await a.getByTestId("scan-checkins").click();
    await expect(a.getByTestId("checked-in")).toContainText("Josiane est là.", { timeout: 60_000 });
    await a.getByTestId("checkin-scan-done").click();
    await expect(a.getByTestId("today-member").filter({ hasText: "Josiane" })).toContainText("Les e-mails");
    await expect(a.getByTestId("today-counts")).toContainText("Présents : 3");
    await a.screenshot({ path: `${shots}/today-checked-in.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("today-done").click();
    await j.getByTestId("checkin-hide").click();
    await j.getByTestId("today-done").click();

    // Before the hand-back, Marcel's phone has no session yet.
    await m.getByTestId("today-start").click();
    await expect(m.getByTestId("today-wait")).toBeVisible();
    await m.getByTestId("today-done").click();
    await handBack(a, [m, j], [mCam, jCam]);

    // Each gives their need on their own phone.
    await m.getByTestId("today-start").click();
    await expect(m.getByTestId("today-card")).toContainText("Aujourd'hui : séance débutants, Salle Rivière");
    await m.getByTestId("need-submit").click();
    await expect(m.getByTestId("need-given")).toContainText("Rien aujourd'hui : je peux aider");
    await m.getByTestId("today-done").click();
    await j.getByTestId("today-start").click();
    // Her need came to the animator in her code; her own phone gives it again, on a form.
    await expect(j.getByTestId("need-given")).toHaveCount(0);
    await j.getByTestId("need-topic").selectOption({ label: "Les sites des services publics" });
    await expect(j.getByTestId("need-sensitive")).toContainText("on ne le confie pas à un autre participant");
    await j.screenshot({ path: `${shots}/today-need-sensitive.png`, fullPage: true });
    expect(await audit(j)).toEqual([]);
    await j.getByTestId("need-topic").selectOption({ label: "Les e-mails" });
    await expect(j.getByTestId("need-sensitive")).toHaveCount(0);
    await j.getByTestId("need-submit").click();
    await expect(j.getByTestId("need-given")).toContainText("Les e-mails");
    await j.screenshot({ path: `${shots}/today-need.png`, fullPage: true });
    expect(await audit(j)).toEqual([]);
    await j.getByTestId("today-done").click();

    // Both hand over; the animator's screen says what came in.
    await m.getByTestId("give-session-start").click();
    await expect(m.getByTestId("qr-display")).toBeVisible();
    await show(m, [aCam]);
    await a.getByTestId("collect-sessions-start").click();
    await expect(a.getByTestId("arrivals")).toContainText("Marcel\u202f: 1 auto-évaluation, 1 besoin.", { timeout: 60_000 });
    await m.getByTestId("give-done").click();
    await handOver(j, a, aCam, "Josiane\u202f: 1 auto-évaluation, 1 besoin.");
    await a.getByTestId("collect-done").click();

    // The help groups, from the people present with their own levels.
    await a.getByTestId("today-start").click();
    await expect(a.getByTestId("today-member").filter({ hasText: "Josiane" })).toContainText("Les e-mails");
    await a.getByTestId("form-groups").click();
    await expect(a.getByTestId("groups")).toContainText("Marcel");
    await expect(a.getByTestId("groups")).toContainText("Josiane");
    await a.screenshot({ path: `${shots}/today-groups.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("confirm-groups").click();
    await expect(a.getByTestId("groups-saved")).toBeVisible();
    await expect(a.getByTestId("today-counts")).toContainText("groupes d'entraide : 1");
    // Help time: a landmark the animator may start; it never rings (the minutes passing and
    // the gentle "time has passed" are core's timer tests). It stays while the screen is left.
    const timer = a.getByTestId("help-timer");
    await expect(timer).toContainText("Il ne sonne jamais");
    await expect(timer.getByTestId("timer-choice").nth(2)).toBeChecked(); // the group's 45
    await timer.getByTestId("timer-choice").first().check();
    await timer.getByTestId("timer-start").click();
    await expect(timer.getByTestId("timer-elapsed")).toHaveText("0 min sur 30");
    await expect(timer.getByTestId("timer-note")).toContainText("Prenez votre temps");
    await a.screenshot({ path: `${shots}/today-help-time.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("today-done").click();
    await a.getByTestId("today-start").click();
    await expect(a.getByTestId("timer-elapsed")).toHaveText("0 min sur 30");
    await a.getByTestId("timer-stop").click();
    await expect(a.getByTestId("timer-start")).toBeVisible();
    await a.getByTestId("today-done").click();
    await handBack(a, [m, j], [mCam, jCam]);

    // Each phone knows its group; both log the help.
    await m.getByTestId("today-start").click();
    await expect(m.getByTestId("my-group")).toContainText("Vous aidez Josiane pour : Les e-mails");
    await expect(m.getByTestId("reassurance")).toContainText("On fait avec la personne, pas à sa place.");
    await m.getByTestId("log-help").getByLabel("Ordinateur").check();
    await m.getByTestId("log-help-submit").click();
    await expect(m.getByTestId("help-logged")).toBeVisible();
    await m.getByTestId("today-done").click();
    await j.getByTestId("today-start").click();
    await expect(j.getByTestId("my-group")).toContainText("Marcel vous aide pour : Les e-mails");
    await expect(j.getByTestId("reassurance")).toContainText("Vos mots de passe restent à vous");
    await j.getByTestId("autonomy").getByLabel("Je sais faire, avec un peu d'aide").check();
    await j.screenshot({ path: `${shots}/today-log-help.png`, fullPage: true });
    expect(await audit(j)).toEqual([]);
    await j.getByTestId("log-help-submit").click();
    await expect(j.getByTestId("help-logged")).toBeVisible();
    // Her vote for next time and her short evaluation.
    await j.getByTestId("vote").getByLabel("Photos et fichiers").check();
    await j.getByTestId("vote-submit").click();
    await expect(j.getByTestId("voted")).toContainText("Photos et fichiers");
    for (const question of await j.getByTestId("evaluation-question").all()) await question.locator('input[data-value="4"]').check();
    await j.screenshot({ path: `${shots}/today-evaluation.png`, fullPage: true });
    expect(await audit(j)).toEqual([]);
    await j.getByTestId("evaluation-submit").click();
    await expect(j.getByTestId("evaluated")).toBeVisible();
    await j.getByTestId("today-done").click();
    await writeTip(j, "Pour joindre une photo, touchez le trombone.");
    await j.getByTestId("tips-done").click();

    await m.getByTestId("give-session-start").click();
    await expect(m.getByTestId("qr-display")).toBeVisible();
    await show(m, [aCam]);
    await a.getByTestId("collect-sessions-start").click();
    await expect(a.getByTestId("arrivals")).toContainText("Marcel\u202f: 1 aide notée", { timeout: 60_000 });
    await m.getByTestId("give-done").click();
    await handOver(j, a, aCam, "Josiane\u202f: 1 aide notée");
    for (const part of ["1 astuce", "1 vote", "1 avis"]) await expect(a.getByTestId("arrivals")).toContainText(part);
    await a.screenshot({ path: `${shots}/today-collected.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("collect-done").click();

    // The two records of one help are one after merge; the animator closes.
    await a.getByTestId("today-start").click();
    await expect(a.getByTestId("today-counts")).toContainText("aides notées : 1 · avis : 1");
    await expect(a.getByTestId("today-votes")).toContainText("Photos et fichiers (1)");
    await a.getByTestId("close-session").click();
    await expect(a.getByTestId("session-closed")).toBeVisible();
    await a.getByTestId("today-done").click();
    await handBack(a, [m], [mCam]);
    await m.getByTestId("tips-start").click();
    await expect(m.getByTestId("tip-list")).toContainText("touchez le trombone");
    await m.screenshot({ path: `${shots}/today-tips.png`, fullPage: true });
  } finally {
    await closeAll(phones);
  }
});
