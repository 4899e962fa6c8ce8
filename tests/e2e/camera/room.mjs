// A group in the room, through the fake cameras: what the journeys with several phones do
// again and again (showing a code to other phones, joining, receiving the hand-back,
// writing a tip, a self-assessment answered quickly).
import { expect } from "@playwright/test";
import { join } from "node:path";
import { createVault } from "../screens.mjs";
import { blankVideo, captureFrames, film, fragments, navigate, phone, videos } from "./rig.mjs";

/**
 * Phones with their fake cameras (files named after `name` and the person), each with its
 * vault, for the people `nicknames` (the first animates). Close them with `closeAll`.
 */
export async function room(name, nicknames) {
  const cams = nicknames.map((n) => join(videos, `${name}-${n.toLowerCase()}.y4m`));
  cams.forEach(blankVideo);
  const phones = [];
  for (const cam of cams) phones.push(await phone(cam));
  const pages = phones.map((x) => x.page);
  const passphrases = [];
  for (const [i, page] of pages.entries()) passphrases.push(await createVault(page, nicknames[i]));
  return { cams, phones, pages, passphrases };
}

/** Sophie the animator, Marcel and Josiane (see `room`). */
export async function threePhones(name) {
  return room(name, ["Sophie", "Marcel", "Josiane"]);
}

/** Closes the browsers of `threePhones`. */
export async function closeAll(phones) {
  for (const p of phones) await p.browser.close();
}

/** Films what `page` shows (three parts per fragment, so that a peeling decoder never runs short) into `cameras`. */
export async function show(page, cameras, options = {}) {
  const k = await fragments(page);
  const frames = await captureFrames(page, k > 1 ? 3 * k : 1);
  for (const camera of cameras) film(camera, frames, k > 1 ? { fps: 16, hold: 2, ...options } : { hold: 20, fps: 10 });
  return k;
}

/** The animator creates the group "Les Lilas"; its invitation is then on screen. */
export async function createGroup(a, name = "Les Lilas") {
  await navigate(a, "group");
  await a.getByTestId("create-group").click();
  await a.getByTestId("group-name").fill(name);
  await a.getByTestId("create-group-submit").click();
  await expect(a.getByTestId("invite")).toBeVisible();
}

/** The animator invites `p`, who joins through the cameras. */
export async function joinGroup(a, aCam, p, pCam, name, group = "Les Lilas") {
  if (!(await a.getByTestId("invite").isVisible())) await a.getByTestId("show-invitation").first().click();
  await expect(a.getByTestId("invite")).toBeVisible();
  await show(a, [pCam]);
  await navigate(p, "group");
  await p.getByTestId("join-group").click();
  await expect(p.getByTestId("charter")).toBeVisible({ timeout: 30_000 });
  await p.getByTestId("accept-charter").click();
  await expect(p.getByTestId("join-answer")).toBeVisible();
  await show(p, [aCam]);
  await a.getByTestId("scan-answer").click();
  await expect(a.getByTestId("welcomed")).toContainText(`${name} est dans le groupe.`, { timeout: 30_000 });
  await a.getByRole("button", { name: "C'est fait" }).click();
  await p.getByTestId("answer-done").click();
  await expect(p.getByTestId("group-card")).toContainText(group);
}

/** `p` scans the animator's hand-back and says who it came from. */
export async function receiveBack(p, from = "Sophie") {
  await p.getByTestId("receive-back-start").click();
  await expect(p.getByTestId("received-back")).toContainText(`Reçu de ${from}.`, { timeout: 90_000 });
}

/** The animator shows "Rendre au groupe" to `cameras`, each phone receives it, all close. */
export async function handBack(a, phones, cameras, from = "Sophie") {
  await a.getByTestId("hand-back-start").click();
  await expect(a.getByTestId("qr-display")).toBeVisible();
  await show(a, cameras);
  await Promise.all(phones.map((p) => receiveBack(p, from)));
  await a.getByTestId("handback-done").click();
  for (const p of phones) await p.getByTestId("receive-done").click();
}

/** `p` writes a tip. */
export async function writeTip(p, text) {
  await p.getByTestId("tips-start").click();
  await p.getByTestId("tip-text").fill(text);
  await p.getByTestId("tip-submit").click();
  await expect(p.getByTestId("tip-saved")).toBeVisible();
}

/** Answers every level question with `pick(topic, level)`; returns render times in ms. */
export async function answerAll(page, pick, shotPrefix, audit) {
  const times = [];
  for (let i = 0; i < 200; i++) {
    const question = page.getByTestId("level-question");
    if (!(await question.isVisible())) break;
    const topic = await question.getAttribute("data-topic");
    const level = Number(await question.getAttribute("data-level"));
    if (shotPrefix && i === 0) {
      expect(await audit(page)).toEqual([]);
      await page.screenshot({ path: `${shotPrefix}-question.png`, fullPage: true });
    }
    const answer = pick(topic, level);
    const before = `${topic}/${level}`;
    const t0 = Date.now();
    await question.locator(`button[data-answer="${answer}"]`).click();
    await page.waitForFunction(
      (b) => {
        const q = document.querySelector("[data-testid=level-question]");
        return !q || `${q.dataset.topic}/${q.dataset.level}` !== b;
      },
      before,
    );
    times.push(Date.now() - t0);
  }
  return times;
}

/** A self-assessment on the topics titled `topics`, every level answered `answer`. */
export async function assess(page, topics, answer) {
  await navigate(page, "skills");
  await page.getByTestId("start-assessment").click();
  await page.getByLabel("Un téléphone").check();
  await page.getByRole("button", { name: "Continuer" }).click();
  for (const title of topics) await page.getByTestId("topics-question").getByLabel(title).check();
  await page.getByRole("button", { name: "Seulement les thèmes cochés" }).click();
  await answerAll(page, () => answer);
  await page.getByTestId("finish").click();
  await expect(page.getByTestId("results")).toBeVisible();
}
