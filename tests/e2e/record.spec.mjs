// The group's record in the room, with three phones and their cameras: the animator's
// "Rendre au groupe" reaches both participants at once, each writes a tip and gives their
// session to the animator, who scans the phones one after the other and sees what came in;
// the next hand-back brings each one the other's tip, nothing is re-sent once acknowledged,
// and a person removed from the group cannot read the next hand-back.
import { test, expect } from "@playwright/test";
import { audit, shots } from "./screens.mjs";
import { captureFrames, film, fragments } from "./camera/rig.mjs";
import { closeAll, createGroup, joinGroup, receiveBack, show, writeTip, threePhones } from "./camera/room.mjs";

test.describe.configure({ timeout: 420_000 });

test("a session's tips go to the animator phone by phone and back to the whole room", async () => {
  const { cams, phones, pages } = await threePhones("record");
  const [aCam, mCam, jCam] = cams;
  const [a, m, j] = pages;
  try {
    await createGroup(a);
    await joinGroup(a, aCam, m, mCam, "Marcel");
    await joinGroup(a, aCam, j, jCam, "Josiane");

    // Before the first hand-back a participant's phone waits for the group's news.
    await m.getByTestId("tips-start").click();
    await expect(m.getByTestId("tips-wait")).toBeVisible();
    await m.getByTestId("tips-done").click();

    // "Rendre au groupe": both phones scan the same code at once (one of them losing a
    // fifth of the codes).
    await a.getByTestId("hand-back-start").click();
    await expect(a.getByTestId("qr-display")).toBeVisible();
    await a.screenshot({ path: `${shots}/record-hand-back.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    // The animated code loops three times: the phone losing a fifth of them still gets enough.
    const frames = await captureFrames(a, 3 * (await fragments(a)));
    film(mCam, frames, { fps: 16, hold: 2 });
    film(jCam, frames, { fps: 16, hold: 2, lost: 0.2, seed: 3 });
    await Promise.all([receiveBack(m), receiveBack(j)]);
    await m.screenshot({ path: `${shots}/record-received-back.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    await a.getByTestId("handback-done").click();
    await m.getByTestId("receive-done").click();
    await j.getByTestId("receive-done").click();

    // An e-mail address in a tip is refused with the guard's sentence, and nothing is listed.
    await m.getByTestId("tips-start").click();
    await expect(m.getByTestId("reassurance")).toContainText("Vos mots de passe restent à vous.");
    await m.getByTestId("tip-text").fill("Écrivez-moi à marcel.dupont@orange.fr si besoin");
    await m.getByTestId("tip-submit").click();
    await expect(m.getByTestId("exchange-error")).toContainText("adresse e-mail");
    await expect(m.getByTestId("tip-list")).not.toContainText("orange.fr");
    await m.screenshot({ path: `${shots}/record-tip-refused.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    await m.getByTestId("tips-done").click();

    // Each participant writes a tip and gives their session.
    await writeTip(m, "Pour agrandir le texte : Réglages, puis Affichage, puis Taille du texte.");
    await expect(m.getByTestId("tip-list")).toContainText("Par vous");
    await m.screenshot({ path: `${shots}/record-tips.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    await m.getByTestId("tips-done").click();
    await writeTip(j, "Un appui long sur une photo permet de la partager.");
    await j.getByTestId("tips-done").click();

    await m.getByTestId("give-session-start").click();
    await expect(m.getByTestId("give-session")).toContainText("1 envoi");
    await expect(m.getByTestId("qr-display")).toBeVisible();
    await m.screenshot({ path: `${shots}/record-give.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    await show(m, [aCam]);

    // The animator scans Marcel, then Josiane, without leaving the screen.
    await a.getByTestId("collect-sessions-start").click();
    await expect(a.getByTestId("arrival").first()).toContainText("Marcel\u202f: 1 astuce.", { timeout: 60_000 });
    await j.getByTestId("give-session-start").click();
    await expect(j.getByTestId("qr-display")).toBeVisible();
    await show(j, [aCam]);
    await expect(a.getByTestId("collect-count")).toContainText("Téléphones reçus : 2", { timeout: 60_000 });
    await expect(a.getByTestId("arrivals")).toContainText("Josiane\u202f: 1 astuce.");
    await a.screenshot({ path: `${shots}/record-collected.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("collect-done").click();
    await m.getByTestId("give-done").click();
    await j.getByTestId("give-done").click();
    await a.getByTestId("tips-start").click();
    await expect(a.getByTestId("tip-list")).toContainText("Par Marcel");
    await expect(a.getByTestId("tip-list")).toContainText("Par Josiane");
    await a.getByTestId("tips-done").click();

    // The next hand-back brings each phone the other's tip and the acknowledgement.
    await a.getByTestId("hand-back-start").click();
    await expect(a.getByTestId("qr-display")).toBeVisible();
    await show(a, [mCam, jCam]);
    await Promise.all([receiveBack(m), receiveBack(j)]);
    await expect(m.getByTestId("received-back")).toContainText("Josiane\u202f: 1 astuce.");
    await a.getByTestId("handback-done").click();
    for (const p of [m, j]) await p.getByTestId("receive-done").click();
    await j.getByTestId("tips-start").click();
    await expect(j.getByTestId("tip-list")).toContainText("Pour agrandir le texte");
    await j.getByTestId("tips-done").click();
    // Nothing is re-sent once acknowledged.
    await m.getByTestId("give-session-start").click();
    await expect(m.getByTestId("give-session")).toContainText("déjà chez l'animateur");
    await m.getByTestId("give-done").click();

    // Sophie names Marcel co-animator. Once both phones have merged the next hand-back,
    // Josiane's session reaches Marcel's phone, and Marcel gives everything on to Sophie.
    const marcelRow = a.getByTestId("members").getByRole("listitem").filter({ hasText: "Marcel" });
    await marcelRow.getByTestId("toggle-co-animator").click();
    await expect(marcelRow.getByTestId("co-animator")).toBeVisible();
    await expect(marcelRow.getByTestId("toggle-co-animator")).toHaveText("Ne plus co-animer");
    await a.screenshot({ path: `${shots}/record-co-animator.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("hand-back-start").click();
    await expect(a.getByTestId("qr-display")).toBeVisible();
    await show(a, [mCam, jCam]);
    await Promise.all([receiveBack(m), receiveBack(j)]);
    await a.getByTestId("handback-done").click();
    for (const p of [m, j]) await p.getByTestId("receive-done").click();
    await expect(m.getByTestId("you-co-animate")).toBeVisible();
    await expect(j.getByTestId("you-co-animate")).toHaveCount(0);

    await writeTip(j, "Pour retrouver une appli, balayez l'écran d'accueil vers le haut.");
    await j.getByTestId("tips-done").click();
    await j.getByTestId("give-session-start").click();
    await expect(j.getByTestId("qr-display")).toBeVisible();
    await show(j, [mCam]);
    await m.getByTestId("collect-sessions-start").click();
    await expect(m.getByTestId("arrival").first()).toContainText("Josiane\u202f: 1 astuce.", { timeout: 60_000 });
    await m.screenshot({ path: `${shots}/record-co-animator-collected.png`, fullPage: true });
    await m.getByTestId("collect-done").click();
    await j.getByTestId("give-done").click();

    await m.getByTestId("give-session-start").click();
    await expect(m.getByTestId("give-session")).toContainText("Donner à un autre animateur");
    await expect(m.getByTestId("qr-display")).toBeVisible();
    await show(m, [aCam]);
    await a.getByTestId("collect-sessions-start").click();
    // What Marcel's phone carries is Josiane's, said as hers.
    await expect(a.getByTestId("arrival").first()).toContainText("Du téléphone de Marcel", { timeout: 60_000 });
    await expect(a.getByTestId("arrival").first()).toContainText("Josiane\u202f: 1 astuce.");
    await a.getByTestId("collect-done").click();
    await m.getByTestId("give-done").click();
    await a.getByTestId("tips-start").click();
    await expect(a.getByTestId("tip-list")).toContainText("balayez l'écran d'accueil");
    await a.getByTestId("tips-done").click();

    // Josiane is removed: the next hand-back is not for her phone.
    await a.getByTestId("members").getByRole("listitem").filter({ hasText: "Josiane" }).getByRole("button", { name: "Retirer" }).click();
    await expect(a.getByTestId("members")).not.toContainText("Josiane");
    await a.getByTestId("hand-back-start").click();
    await expect(a.getByTestId("qr-display")).toBeVisible();
    await show(a, [jCam]);
    await j.getByTestId("receive-back-start").click();
    await expect(j.getByTestId("exchange-error")).toContainText("destiné à un autre téléphone", { timeout: 60_000 });
    await j.screenshot({ path: `${shots}/record-removed.png`, fullPage: true });
  } finally {
    await closeAll(phones);
  }
});
