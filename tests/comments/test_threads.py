"""Threads as readers see them: replies under what they answer, indented to a readable depth
and flattened below it with "replying to", in the order the reader chose."""

import re

from consult.comments.thread import MAX_LEVEL, in_order
from tests.comments.conftest import page_text

EN = {"Accept-Language": "en"}


def _order(html):
    """The comment ids of a page in the order they are shown."""
    return [int(number) for number in re.findall(r'<li id="comment-(\d+)"', html)]


def _level(html, comment):
    return int(re.search(rf'<li id="comment-{comment.id}" class="comment-item level-(\d)"', html).group(1))  # fmt: skip


def test_replies_nest_to_a_readable_depth_then_flatten_with_replying_to(
    client, people, proposal, say
):
    chain = [say(people.anna, proposal, "Level 0")]
    for depth in range(1, MAX_LEVEL + 3):
        author = people.wang if depth % 2 else people.anna
        chain.append(say(author, proposal, f"Level {depth}", parent=chain[-1]))
    html = page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
    assert _order(html) == [comment.id for comment in chain]
    assert [_level(html, c) for c in chain] == [0, 1, 2, 3, 3, 3]
    # Only the flattened ones say whom they answer, with a link to that comment.
    deeper = chain[MAX_LEVEL + 1]
    item = html[html.index(f'id="comment-{deeper.id}"') :]
    item = item[: item.index("</article>")]
    assert "replying to" in item and f'href="#comment-{chain[MAX_LEVEL].id}"' in item
    assert "Anna Smith" in item  # the author of the comment it answers
    assert "replying to" not in html[: html.index(f'id="comment-{deeper.id}"')]
    # Nested lists: each reply list sits inside the item it answers; every list is closed.
    start = html.index('<ol class="comment-thread">')
    thread = html[start : html.index("</section>", start)]
    assert thread.count('<ol class="comment-replies">') == MAX_LEVEL
    assert thread.count("<li") == thread.count("</li>") == len(chain)
    assert thread.count("<ol") == thread.count("</ol>")


def test_orders_sort_the_first_comments_and_keep_replies_oldest_first(
    client, db, people, proposal, say, verified
):
    first = say(people.anna, proposal, "First")
    second = say(people.wang, proposal, "第二条", "zh-Hans")
    reply_a = say(people.wang, proposal, "Reply A", parent=first)
    reply_b = say(people.anna, proposal, "Reply B", parent=first)
    third = say(people.anna, proposal, "Third")
    kim = verified("김민준")
    from consult.comments import likes

    for user in (people.anna, kim):
        likes.like_comment(user, second)
    likes.like_comment(kim, third)
    db.session.commit()
    url = f"/proposals/{proposal.id}"
    oldest = _order(page_text(client.get(url, headers=EN)))
    newest = _order(page_text(client.get(url + "?comments=newest", headers=EN)))
    liked = _order(page_text(client.get(url + "?comments=liked", headers=EN)))
    thread = [first.id, reply_a.id, reply_b.id]
    assert oldest == [*thread, second.id, third.id]
    assert newest == [third.id, second.id, *thread]
    assert liked == [second.id, third.id, *thread]
    odd = client.get(url + "?comments=<script>", headers=EN)  # ignored, never an error
    assert odd.status_code == 200 and _order(page_text(odd)) == oldest
    html = page_text(client.get(url + "?comments=liked", headers=EN))
    assert '<strong aria-current="true">Most liked</strong>' in html


def test_in_order_survives_a_missing_parent():
    class Row:
        def __init__(self, id, parent_id, likes_count=0):
            self.id, self.parent_id, self.likes_count = id, parent_id, likes_count

    rows = [Row(1, None), Row(2, 1), Row(3, 99), Row(4, 2)]
    assert [(r.id, d) for r, d in in_order(rows, "oldest")] == [(1, 0), (2, 1), (4, 2), (3, 0)]


def test_a_thread_reads_the_same_to_everyone_and_nobody_needs_to_sign_in(
    client, people, proposal, say
):
    say(people.anna, proposal, "Readable by **everyone**.")
    html = page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
    assert "<strong>everyone</strong>" in html
    assert "Sign in to comment" in html
    assert "comments/1/reply" not in html  # no buttons for the signed out
