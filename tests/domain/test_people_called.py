"""Finding a supervisor or supervisee by what a person types: a name, or a fingerprint."""

from __future__ import annotations

from reflect.domain.supervision import Supervisee, Supervisor, people_called

ALEX = Supervisee("Alex Rivera", "age1" + "q" * 58, id=1)
ALEX_TOO = Supervisee("alex rivera", "age1" + "p" * 58, id=2)
SAM = Supervisee("Sam", "age1" + "z" * 58, id=3)


def test_a_name_matches_whatever_its_case_and_spacing():
    assert people_called([SAM], "  sAm ") == [SAM]
    assert people_called([ALEX, SAM], "ALEX RIVERA") == [ALEX]
    assert people_called([ALEX_TOO, SAM], "Alex   Rivera") == [ALEX_TOO]


def test_two_people_can_share_a_name_and_both_are_returned():
    assert people_called([ALEX_TOO, SAM, Supervisee("Alex Rivera", SAM.recipient)], "alex rivera")
    assert (
        len(people_called([ALEX_TOO, Supervisee("ALEX RIVERA", SAM.recipient)], "alex rivera")) == 2
    )


def test_a_fingerprint_picks_one_of_them_spaces_and_case_aside():
    typed = SAM.fingerprint.lower().replace(" ", "")
    assert people_called([ALEX, SAM], typed) == [SAM]
    assert people_called([ALEX, SAM], SAM.fingerprint) == [SAM]


def test_supervisors_are_found_the_same_way():
    ruth = Supervisor("Ruth", "age1" + "r" * 58)
    assert people_called([ruth], "RUTH") == [ruth]
    assert people_called([ruth], ruth.fingerprint) == [ruth]
    assert people_called([ruth], "nobody") == []
