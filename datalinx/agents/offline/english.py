"""Ordinary English words the typo fixer must leave as they are: a word it knows is nobody's misspelling."""

from __future__ import annotations

from datalinx.agents.offline.words import word_set

COMMON_WORDS = word_set(
    """
    able about above across act acted action actual add added after again against age ago agree ahead aim air
    all allow allowed almost alone along already also although always among amount and another answer any
    anymore anyone anything anyway anywhere appear apply area around ask asked asking away back bad bag balance
    bank base based basic basis be bear became because become been before began begin behind being believe below
    best better between beyond big bill bit black blue board body book both bottom bought box break bring
    brought build built business busy buy buying call called came can car card care careful carry case cash
    catch cause center certain chance change changed charge check cheers child choice choose city claim class
    clean clear clearly close closed cold come comes coming common company complete completely concern consider
    contact contain continue control cool copy correct cost could count country couple course cover create
    created cross current customer cut daily damage dark data date day dead deal dear decide deep define degree
    deliver delivered demand describe design detail determine develop did die difference different difficult
    direct direction discover do does doing done door double doubt down draw dream drive drop due during each
    early earn earned ease east easy eat effect effort either else empty end enough enter entire entry equal
    error even evening event ever every everyone evidence exact exactly example except exist existing expect
    experience explain eye face fact fail fair fall false family far fast feel feeling felt few field figure
    fill final finally find fine finish fire firm first fit five fix floor fly follow following food foot for
    force form former forward found four free friend from front full fully fund further future gain game gave
    general get getting give given go goal going gone good got great green ground group grow growth guess guy
    had half hand handle happen happened hard has have having he head hear heard heart heavy held help helpdesk her here
    hey high him his hit hmm hold home hope hot hour house how however huge human hundred idea if image imagine
    important in include including income increase indeed inside instead interest into is issue it item its job
    join just keep kept key kid kind knew know known land language large last late later lead learn least leave
    left legal less let letter level lie life light like likely line list listen little live local long look
    looking lose loss lost lot love low made main major make making man manage many market matter may maybe me
    mean meaning meant measure meet member mention method middle might mind minute miss missing model modern
    moment money month more morning most mother move much must my myself name nation natural near nearly need
    never new news next nice night no none nor normal north not note nothing notice now number of off offer
    office often ok okay old on once one only open or order other others our out outside over own page paid
    paper part particular party pass past pay people per perhaps period person pick piece place placed plan play
    please plug plugged point policy poor popular position possible power practice prepare present pretty price private
    probably problem process produce product program provide public pull purpose push put question quick quickly
    quite raise ran range rate rather reach read ready real reality realize really reason receive received
    recent recently record red reduce region relate remain remember remove report represent require rest result
    return rich right rise risk road rock role room rang rule run rung rush safe said sale same save saw say scene
    school science score sea season seat second section security see seek seem seen sell send sense serious serve
    service set several shall share she shop short should show side sign significant similar simple simply since
    single sit site situation six size skill small so social some someone something sometimes son soon sort
    sound source south space speak special specific spend spent stage stand standard star start state statement
    stay step still stock stop store story street strong structure study stuff style subject success such
    suddenly suggest summer support sure surface system table take taken talk task tax team tell ten term test
    than thank thanks that the their them themselves then theory there these they thing think third this those
    though thought three through throughout thus time to today together too took top total toward town trade
    traditional training travel treat tree trial trip trouble true truth try trying turn two type under hole holes
    understand unit until up upon us use used user usual usually value various very view visit wait walk wall
    want war watch water way we wear week weight well went were west what whatever when where whether which
    while white who whole whom whose why wide wife will win window wish with within without woman wonder word
    work worker world worry would write written wrong year yes yet you young your yourself
    """
) | word_set("gmail googlemail hotmail outlook yahoo icloud aol gmx proton protonmail")  # mail hosts, no typos
COMMON_WORDS |= word_set(
    "mess messes messed messing chart charts block"
)  # 'messing up my chart' is no 'missing ... charg'
