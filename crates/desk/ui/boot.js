// Starts the desk's Yew app (trunk's plain names: Trunk.toml's filehash = false).
import init from './desk-ui.js';
init({ module_or_path: './desk-ui_bg.wasm' });
