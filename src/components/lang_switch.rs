//! The language buttons: RU, KK, EN.

use bilateral_core::lang::Lang;
use yew::prelude::*;

use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub onchange: Callback<Lang>,
}

#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let text = i18n::text(props.lang);
    html! {
        <div class="bm-langs" role="group" aria-label={text.language}>
            { for Lang::ALL.into_iter().map(|l| {
                let onclick = props.onchange.reform(move |_: MouseEvent| l);
                html! {
                    <button type="button" lang={l.code()} aria-pressed={(l == props.lang).to_string()}
                        title={i18n::lang_name(l)} {onclick}>{ l.code().to_ascii_uppercase() }</button>
                }
            }) }
        </div>
    }
}
